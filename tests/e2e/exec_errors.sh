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

# The PATH search is execvp(3)'s: a non-executable file of that name is
# passed over for a later entry, and alone it gives 126.
mkdir "$tmp/noexec" "$tmp/bin"
printf '#!/bin/sh\necho wrong\n' >"$tmp/noexec/psbprog"
chmod 644 "$tmp/noexec/psbprog"
printf '#!/bin/sh\necho found in bin "$@"\n' >"$tmp/bin/psbprog"
chmod 755 "$tmp/bin/psbprog"
PATH=/nonexistent:$tmp/noexec::$tmp/bin:$PATH compare "PATH: non-executable entry skipped" psbprog x
PATH=$tmp/noexec:$PATH like_env "PATH: only a non-executable file" psbprog
(cd "$tmp/bin" && PATH=:/usr/bin:/bin compare "PATH: empty entry is the current directory" psbprog y)

# The supervisor searches PATH, so the trace starts with the one execve
# that runs the program, and a missing program traces nothing at all.
run_capture sandbox env PATH="/nonexistent1:$tmp/noexec:$tmp/bin:$PATH" \
	"$PTSANDBOX" --trace=execve -- psbprog </dev/null
execs=$(grep -c '^execve(' "$tmp/sandbox.err")
if [ "$execs" = 1 ] && grep -q "^execve(\"$tmp/bin/psbprog\", \[\"psbprog\"\], .* = 0\$" "$tmp/sandbox.err"; then
	ok "--trace: one execve, the resolved path"
else
	not_ok "--trace: $execs execve lines, want the one of $tmp/bin/psbprog"
	sed 's/^/# /' "$tmp/sandbox.err" | head -12
fi
run_capture sandbox "$PTSANDBOX" --trace=all -- ptsandbox-test-no-such-program </dev/null
if [ "$(cat "$tmp/sandbox.rc")" = 127 ] && [ "$(wc -l <"$tmp/sandbox.err")" = 1 ]; then
	ok "--trace of a missing program: no trace, one message, 127"
else
	not_ok "--trace of a missing program: status $(cat "$tmp/sandbox.rc")"
	sed 's/^/# /' "$tmp/sandbox.err" | head -8
fi
finish
