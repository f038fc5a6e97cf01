#!/bin/sh
# Old kernels: a rule the kernel cannot enforce stops the run (125) and
# names the rule and the missing feature, unless --best-effort, which
# runs and warns once per rule.  PTSANDBOX_LANDLOCK_ABI caps the ABI
# ptsandbox uses, so this plays old kernels on a new one.
. "$TESTLIB"

echo secret >"$tmp/secret"

# stderr_is NAME WANT: the sandboxed run's stderr is exactly WANT.
stderr_is() {
	if printf '%s\n' "$2" | cmp -s - "$tmp/sandbox.err"; then
		ok "$1"
	else
		not_ok "$1: stderr differs"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -8
	fi
}

export PTSANDBOX_LANDLOCK_ABI=0
expect_status "no Landlock: --ro refused" 125 "$PTSANDBOX" --rox=/ -- true
stderr_is "no Landlock: names the rule and feature" \
"ptsandbox: file rules (--ro/--rw): the kernel lacks Landlock (--best-effort runs without it)
ptsandbox: scope (signals and abstract unix sockets of processes outside the sandbox): the kernel lacks Landlock ABI 6 (scoping) (--best-effort runs without it)"
expect_status "no Landlock: --rlimit alone still needs scoping" 125 "$PTSANDBOX" --rlimit=nofile=64 -- true

# --best-effort runs, warns per rule, enforces what it can (the rlimit).
run_capture sandbox "$PTSANDBOX" --best-effort --rox=/ --rlimit=nofile=64 -- sh -c "cat $tmp/secret; ulimit -n" </dev/null
if [ "$(cat "$tmp/sandbox.out")" = "secret
64" ] && [ "$(cat "$tmp/sandbox.rc")" = 0 ]; then
	ok "--best-effort without Landlock: runs, the rlimit holds"
else
	not_ok "--best-effort: $(cat "$tmp/sandbox.out") rc=$(cat "$tmp/sandbox.rc")"
fi
stderr_is "--best-effort: one warning per unenforced rule" \
"ptsandbox: warning: file rules (--ro/--rw) not enforced: the kernel lacks Landlock
ptsandbox: warning: scope (signals and abstract unix sockets of processes outside the sandbox) not enforced: the kernel lacks Landlock ABI 6 (scoping)"

real=$(env -u PTSANDBOX_LANDLOCK_ABI "$PTSANDBOX" --rox=/ -- true 2>&1)
case $real in
*lacks*) skip_all "this kernel's own Landlock is old: $real" ;;
esac

export PTSANDBOX_LANDLOCK_ABI=3
expect_status "ABI 3: --net refused" 125 "$PTSANDBOX" --rox=/ --net=none -- true
grep -q '^ptsandbox: --net/--connect/--bind: the kernel lacks Landlock ABI 4 (TCP ports)' \
	"$tmp/sandbox.err" && ok "ABI 3: names --net and ABI 4" || not_ok "ABI 3: $(cat "$tmp/sandbox.err")"
grep -q 'Landlock ABI 5 (device ioctls)' "$tmp/sandbox.err" && ok "ABI 3: names device ioctls" ||
	not_ok "ABI 3 ioctl: $(cat "$tmp/sandbox.err")"

# With --best-effort at ABI 3 the file rules still hold.
run_capture sandbox "$PTSANDBOX" --best-effort --rox=/usr --rox=/lib --ro=/etc --net=none -- /bin/cat "$tmp/secret" </dev/null
[ "$(cat "$tmp/sandbox.rc")" = 1 ] && grep -q "^ptsandbox: denied: .*$tmp/secret" "$tmp/sandbox.err" &&
	[ "$(grep -c '^ptsandbox: warning: ' "$tmp/sandbox.err")" = 3 ] &&
	ok "ABI 3 --best-effort: files enforced, 3 warnings" ||
	not_ok "ABI 3 best-effort: rc=$(cat "$tmp/sandbox.rc") $(cat "$tmp/sandbox.err")"

unset PTSANDBOX_LANDLOCK_ABI

# Bad policy files: one "ptsandbox: FILE:LINE: ..." line, status 125.
printf '# ok\n--rox=/\nconnect=http\n' >"$tmp/bad.policy"
expect_status "bad policy file" 125 "$PTSANDBOX" --policy="$tmp/bad.policy" -- true
[ "$(head -1 "$tmp/sandbox.err")" = "ptsandbox: $tmp/bad.policy:3: --connect: invalid port 'http'" ] &&
	ok "bad policy file: FILE:LINE message" || not_ok "bad file: $(head -1 "$tmp/sandbox.err")"

finish
