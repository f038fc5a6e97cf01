#!/bin/sh
# --native=SET: the named families run in the kernel, not emulated.  A
# waiting thread then sleeps in its own call, as natively (emulated, it
# sleeps in the parking ppoll: the first checks fail without the
# option); signals, stops and hang dumps behave as natively; bad names
# are usage errors.
. "$TESTLIB"
. "$srcdir/tests/e2e/sigcommon.sh"

for kind in futex nanosleep poll; do
	fam=$kind
	[ $kind = nanosleep ] && fam=sleep
	sig_selected "$kind in the kernel" || continue
	run_capture native "$GUESTS/blocked_in" $kind
	run_capture sandbox "$PTSANDBOX" --native=$fam -- "$GUESTS/blocked_in" $kind
	compare_captured "--native=$fam: a waiter sleeps in $kind itself"
done
run_capture native "$GUESTS/blocked_in" futex
run_capture sandbox "$PTSANDBOX" --native=all -- "$GUESTS/blocked_in" futex
compare_captured "--native=all"

# Signals to native futex waits: the kernel's own semantics.
native_sig() {
	SIG_PTSANDBOX_OPTS=--native=futex sig_compare "$@"
}
for disp in handler default; do
	native_sig "--native=futex SIGINT pid futex $disp" "--sig INT" "$SIGCALL" -s INT futex $disp
	native_sig "--native=futex SIGINT pgrp futex_timed $disp" "--pgrp --sig INT" \
		"$SIGCALL" -s INT futex_timed $disp
done
native_sig "--native=futex SIGSTOP+SIGCONT futex_timed" "--pgrp --stop --sig STOP" \
	"$SIGCALL" -t 800 -s STOP futex_timed default

# A hang dump names the native wait, decoded, with its wchan.
out=$($bounded "$PTSANDBOX" --native=futex --timeout=1 -- "$GUESTS/blocked_in" hang 2>&1)
case $out in
*"futex("*"FUTEX_WAIT"*"<wchan "*) ok "--native=futex: the hang dump decodes the kernel's wait" ;;
*) not_ok "--native=futex: the hang dump: $out" ;;
esac

expect_usage() {
	name=$1
	shift
	err=$($bounded "$PTSANDBOX" "$@" -- true 2>&1)
	rc=$?
	# One line, or a usage error's line and the "Try 'ptsandbox --help'" hint.
	first=$(printf '%s\n' "$err" | head -n 1)
	rest=$(printf '%s\n' "$err" | sed 1d | grep -v "^Try 'ptsandbox --help'")
	if [ $rc = 125 ] && [ -z "$rest" ] &&
		case $first in ptsandbox:*) true ;; *) false ;; esac; then
		ok "$name: one line, exit 125"
	else
		not_ok "$name: exit $rc: $err"
	fi
}
expect_usage "--native=bogus" --native=bogus
expect_usage "--native=" --native=
expect_usage "--native=futex,bogus" --native=futex,bogus
expect_usage "--interrupt of a family left to the kernel" --native=futex --interrupt=futex
sig_finish
