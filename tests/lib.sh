# Shared helpers for the end-to-end tests (sourced, POSIX sh).
#
# Every check runs the same command natively and under ptsandbox and
# compares what a caller can see: stdout, stderr (where asked), and the
# exit status ($?, which is 128+N for a death by signal N in both cases
# because ptsandbox re-raises the guest's death signal).

: "${PTSANDBOX:?PTSANDBOX must point at the built binary}"
: "${GUESTS:?GUESTS must point at tests/guests}"

pass=0
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ptsandbox-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ok() {
	pass=$((pass + 1))
	echo "ok - $*"
}

not_ok() {
	fail=$((fail + 1))
	echo "FAIL - $*"
}

# A run that takes longer than this (seconds) is killed and fails: a
# hung guest or supervisor must not hang make check.  Override with
# PTSANDBOX_TEST_TIMEOUT.  --foreground keeps the command in the test's
# process group, so job control and signals behave as without it; the
# SIGKILL reaches ptsandbox, whose guests die with it (EXITKILL).
limit=${PTSANDBOX_TEST_TIMEOUT:-60}
if command -v timeout >/dev/null; then
	bounded="timeout --foreground -s KILL $limit"
else
	bounded=
fi

# run_capture TAG CMD...: stdout -> $tmp/TAG.out, stderr -> $tmp/TAG.err, status -> $tmp/TAG.rc
run_capture() {
	tag=$1
	shift
	$bounded "$@" >"$tmp/$tag.out" 2>"$tmp/$tag.err"
	echo $? >"$tmp/$tag.rc"
}

# compare NAME CMD...: same stdout and exit status natively and sandboxed.
compare() {
	name=$1
	shift
	run_capture native "$@" </dev/null
	run_capture sandbox "$PTSANDBOX" -- "$@" </dev/null
	compare_captured "$name"
}

# compare_err NAME CMD...: like compare, and stderr must match too.
compare_err() {
	name=$1
	shift
	compare "$name" "$@" || return 1
	if ! cmp -s "$tmp/native.err" "$tmp/sandbox.err"; then
		not_ok "$name: stderr differs"
		diff "$tmp/native.err" "$tmp/sandbox.err" | head -20 | sed 's/^/# /'
		return 1
	fi
}

# expect_status NAME WANT CMD...: exact exit status of a sandboxed run.
expect_status() {
	name=$1
	want=$2
	shift 2
	run_capture sandbox "$@" </dev/null
	got=$(cat "$tmp/sandbox.rc")
	if [ "$got" = "$want" ]; then
		ok "$name (status $got)"
	else
		not_ok "$name: status $got, want $want"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
	fi
}

# compare_piped NAME PRODUCER CMD...: stdout of the shell command
# PRODUCER piped into CMD, natively and sandboxed; same stdout and
# exit status (CMD's) required.
compare_piped() {
	name=$1
	producer=$2
	shift 2
	sh -c "$producer" | $bounded "$@" >"$tmp/native.out" 2>"$tmp/native.err"
	echo $? >"$tmp/native.rc"
	sh -c "$producer" | $bounded "$PTSANDBOX" -- "$@" >"$tmp/sandbox.out" 2>"$tmp/sandbox.err"
	echo $? >"$tmp/sandbox.rc"
	compare_captured "$name"
}

# compare_captured NAME: judge $tmp/{native,sandbox}.{out,rc} as compare does.
compare_captured() {
	if ! cmp -s "$tmp/native.rc" "$tmp/sandbox.rc"; then
		not_ok "$1: exit status native=$(cat "$tmp/native.rc") sandbox=$(cat "$tmp/sandbox.rc")"
		[ "$(cat "$tmp/sandbox.rc")" = 137 ] && echo "# 137: killed, maybe hung past ${limit}s"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -20
		return 1
	fi
	if ! cmp -s "$tmp/native.out" "$tmp/sandbox.out"; then
		not_ok "$1: stdout differs"
		diff "$tmp/native.out" "$tmp/sandbox.out" | head -20 | sed 's/^/# /'
		return 1
	fi
	ok "$1 (status $(cat "$tmp/native.rc"))"
}

# like_env NAME PROG [ARG]...: a program ptsandbox cannot run exits as
# env(1) does for it (126 or 127), with one "ptsandbox: " line on stderr.
like_env() {
	name=$1
	shift
	run_capture native env "$@" </dev/null
	run_capture sandbox "$PTSANDBOX" -- "$@" </dev/null
	want=$(cat "$tmp/native.rc")
	got=$(cat "$tmp/sandbox.rc")
	case $want in
	126 | 127) ;;
	*)
		not_ok "$name: env(1) itself exits $want, not 126/127: bad test setup"
		return 1
		;;
	esac
	if [ "$got" != "$want" ]; then
		not_ok "$name: status $got, env(1) gives $want"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
		return 1
	fi
	if [ "$(wc -l <"$tmp/sandbox.err")" -ne 1 ] || ! grep -q '^ptsandbox: ' "$tmp/sandbox.err"; then
		not_ok "$name: want one 'ptsandbox: ' line on stderr"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
		return 1
	fi
	ok "$name (status $got)"
}

# skip_all REASON: the whole script does not apply here (exit 77).
skip_all() {
	echo "SKIP: $*"
	exit 77
}

# read_ready FIFO: print the first line written to FIFO, the guest's
# "I am ready" handshake.  Bounded, so a guest that never gets there
# fails the test instead of hanging it.
read_ready() {
	timeout 30 head -n 1 "$1"
}

# is_gone PID: no such process, or only a zombie left.  Zombies count
# as gone: whoever inherits an orphan (a container's init, say) may
# never reap it.
is_gone() {
	[ -r "/proc/$1/stat" ] || return 0
	state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
	[ -z "$state" ] || [ "$state" = Z ]
}

# wait_gone PID...: wait up to 5 s for every PID to be gone.  Death
# after SIGKILL is asynchronous in the kernel, so polling is the only
# way to observe it; the bound keeps a survivor from hanging the test.
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		alive=
		for p in "$@"; do
			is_gone "$p" || alive="$alive $p"
		done
		[ -z "$alive" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "# still running:$alive"
	return 1
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
