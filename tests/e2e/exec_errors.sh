#!/bin/sh
# Programs that cannot be run: ptsandbox exits as env(1) does (127 not
# found, 126 found but not executable), with one "ptsandbox:" line.
. "$TESTLIB"

mkdir "$tmp/dir"
printf 'not a program\n' >"$tmp/plain"
chmod 644 "$tmp/plain"
printf '#!/nonexistent/interpreter\n' >"$tmp/badinterp"
chmod 755 "$tmp/badinterp"

like_env "not found (absolute path)" /nonexistent/program
like_env "not found (PATH lookup)" ptsandbox-test-no-such-program
like_env "directory" "$tmp/dir"
like_env "directory (/)" /
like_env "non-executable file" "$tmp/plain"
like_env "path through a regular file (ENOTDIR)" "$tmp/plain/x"
like_env "missing #! interpreter" "$tmp/badinterp"

# An executable file without #!: execvp falls back to /bin/sh, for
# env(1) and ptsandbox alike.
printf 'echo script ran with "$1"\nexit 4\n' >"$tmp/noshebang"
chmod 755 "$tmp/noshebang"
compare "executable without #! runs under sh" "$tmp/noshebang" arg
: >"$tmp/empty"
chmod 755 "$tmp/empty"
compare "empty executable file" "$tmp/empty"
finish
