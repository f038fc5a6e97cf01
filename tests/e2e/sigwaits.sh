#!/bin/sh
# pause, rt_sigsuspend, rt_sigtimedwait and sigwaitinfo: what
# tests/e2e/sigcalls.sh (one signal x every call x every disposition)
# does not cover.  tests/guests/sigwaits prints what the calls returned,
# si_codes and senders (self/child/driver), masks as signal names and
# the order handlers ran in; natively and sandboxed must print the same
# and exit the same way.  Covered: the handler's mask under sigsuspend
# (call mask + sa_mask + the signal, SA_NODEFER) and the mask restored
# after it; two signals freed at once; sigtimedwait's si_code/si_pid/
# si_value, dequeue order of standard and realtime signals, EAGAIN,
# EINVAL and EFAULT (a bad siginfo buffer consumes the signal), SIGCHLD
# with CLD_* and status; a stop and continue from a child (sigtimedwait
# fails with EINTR, pause and sigsuspend go on); a lone SIGCONT; which
# thread a process-directed signal goes to.  Most scenarios run with
# the signal pending at the call and arriving during it.
#
# Every run goes through tests/guests/sigdriver (signals reset, the
# guest in its own process group).  The scenarios marked for it run
# again with SIGINT from the host: sent to ptsandbox's pid and to the
# whole process group, as kill and Ctrl-C do.
#
# SIGTEST_ONLY=PATTERN runs only the checks whose name matches.
. "$TESTLIB"
. "$srcdir/tests/e2e/sigcommon.sh"

W=$GUESTS/sigwaits

LOCAL="sigsuspend_pending sigsuspend_nodefer sigsuspend_later sigsuspend_two
	pause_handler sigtimedwait_self sigtimedwait_errors sigtimedwait_efault
	sigtimedwait_unblocked sigtimedwait_live sigtimedwait_child rt_order sigchld
	threads threads_handler cont_sigtimedwait cont_pause
	stop_sigtimedwait stop_pause stop_sigsuspend
	stop_sigtimedwait_sub stop_pause_sub stop_sigsuspend_sub"
EXT="sigsuspend_pending sigsuspend_later pause_handler sigtimedwait_live threads"

for s in $LOCAL; do
	sig_compare "$s" "" "$W" "$s"
done

for mode in pid pgrp; do
	dopts=
	linger=
	# One Ctrl-C reaches ptsandbox and the guest: let a duplicate show.
	[ $mode = pgrp ] && dopts=--pgrp && linger="-l 50"
	for s in $EXT; do
		# shellcheck disable=SC2086
		sig_compare "$mode SIGINT $s" "$dopts" "$W" -x $linger "$s"
	done
done
sig_finish
