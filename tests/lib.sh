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

# run_capture TAG CMD...: stdout -> $tmp/TAG.out, stderr -> $tmp/TAG.err, status -> $tmp/TAG.rc
run_capture() {
	tag=$1
	shift
	"$@" >"$tmp/$tag.out" 2>"$tmp/$tag.err"
	echo $? >"$tmp/$tag.rc"
}

# compare NAME CMD...: same stdout and exit status natively and sandboxed.
compare() {
	name=$1
	shift
	run_capture native "$@" </dev/null
	run_capture sandbox "$PTSANDBOX" -- "$@" </dev/null
	if ! cmp -s "$tmp/native.rc" "$tmp/sandbox.rc"; then
		not_ok "$name: exit status native=$(cat "$tmp/native.rc") sandbox=$(cat "$tmp/sandbox.rc")"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -20
		return 1
	fi
	if ! cmp -s "$tmp/native.out" "$tmp/sandbox.out"; then
		not_ok "$name: stdout differs"
		diff "$tmp/native.out" "$tmp/sandbox.out" | head -20 | sed 's/^/# /'
		return 1
	fi
	ok "$name (status $(cat "$tmp/native.rc"))"
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

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
