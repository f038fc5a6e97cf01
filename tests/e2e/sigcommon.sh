# Helpers for the signal-semantics tests (sourced after tests/lib.sh).
#
# Every check runs a command under tests/guests/sigdriver twice: natively
# (sigdriver OPTS -- CMD) and sandboxed (sigdriver OPTS -- ptsandbox --
# CMD), and compares stdout and exit status.  sigdriver sends the signals
# on the guest's READY lines, to ptsandbox's pid (what `kill -INT <pid>`
# does) or, with --pgrp, to the process group (what a terminal does), and
# exits 128+N when its child dies by signal N.
#
# SIGTEST_ONLY=PATTERN (a shell case pattern) runs only the checks whose
# name matches, e.g. SIGTEST_ONLY='pgrp poll *'.

SIGDRIVER=$GUESTS/sigdriver
SIGCALL=$GUESTS/sigcall
SIGTHREADS=$GUESTS/sigthreads
SIGSTRESS=$GUESTS/sigstress

# The names of the failed checks, listed again by sig_finish.
sig_failed=

sig_selected() {
	[ -z "${SIGTEST_ONLY:-}" ] && return 0
	# shellcheck disable=SC2254
	case $1 in
	$SIGTEST_ONLY) return 0 ;;
	esac
	return 1
}

# sig_run TAG DRIVER_OPTS CMD...: one run under sigdriver, captured as
# $tmp/TAG.{out,err,rc}.
sig_run() {
	tag=$1
	dopts=$2
	shift 2
	# shellcheck disable=SC2086
	run_capture "$tag" "$SIGDRIVER" $dopts -- "$@" </dev/null
}

# sig_compare NAME DRIVER_OPTS CMD...: CMD natively and sandboxed under
# sigdriver DRIVER_OPTS; stdout and exit status must be equal.  The
# sandboxed run gets $SIG_PTSANDBOX_OPTS, if set, as ptsandbox options.
sig_compare() {
	name=$1
	dopts=$2
	shift 2
	sig_selected "$name" || return 0
	sig_run native "$dopts" "$@"
	# shellcheck disable=SC2086
	sig_run sandbox "$dopts" "$PTSANDBOX" ${SIG_PTSANDBOX_OPTS:-} -- "$@"
	sig_judge "$name"
}

sig_note_failure() {
	sig_failed="$sig_failed
#   $1"
}

# sig_judge NAME: compare $tmp/{native,sandbox}.{out,rc}.  A native run
# that failed on its own (a guest's exit 99, a timeout) is a test bug.
sig_judge() {
	nrc=$(cat "$tmp/native.rc")
	src=$(cat "$tmp/sandbox.rc")
	if [ "$nrc" = 99 ] || grep -q '^sigdriver: TIMEOUT' "$tmp/native.out"; then
		not_ok "$1: the native run itself failed (test bug)"
		sed 's/^/#   native stderr: /' "$tmp/native.err" | head -5
		sig_note_failure "$1 (native run)"
		return 1
	fi
	if [ "$nrc" = "$src" ] && cmp -s "$tmp/native.out" "$tmp/sandbox.out"; then
		ok "$1 (status $nrc)"
		return 0
	fi
	not_ok "$1"
	echo "#   native (status $nrc):"
	sed 's/^/#     /' "$tmp/native.out"
	echo "#   sandboxed (status $src):"
	sed 's/^/#     /' "$tmp/sandbox.out"
	sed 's/^/#     stderr: /' "$tmp/sandbox.err" | head -10
	sig_note_failure "$1"
	return 1
}

sig_finish() {
	[ -n "$sig_failed" ] && echo "# failed:$sig_failed"
	finish
}
