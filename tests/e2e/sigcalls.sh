#!/bin/sh
# Signal semantics, SIGINT from another process (the spec:
# signal-semantics.md, signal(7)): every blocking call x every
# disposition, sent to ptsandbox's pid alone and to the whole process
# group as a terminal's Ctrl-C.  The guest, tests/guests/sigcall, prints
# what the call returned (EINTR, restarted, timed out), how often the
# handler ran with which siginfo, and what the call wrote back; the
# sandboxed run must print the same and exit the same way.
#
# In process-group mode ptsandbox and the guest both receive the signal:
# one Ctrl-C must still be exactly one handler call, so the guest waits
# 50 ms before counting to let a duplicate show.
. "$TESTLIB"
. "$srcdir/tests/e2e/sigcommon.sh"

CALLS="nanosleep clock_nanosleep clock_nanosleep_abs clock_nanosleep_abs_rt
	poll ppoll ppoll_mask select pselect6 pselect6_mask
	epoll_wait epoll_pwait epoll_pwait_mask epoll_pwait2
	pause sigsuspend sigtimedwait sigtimedwait_other
	read write accept futex futex_timed wait4 waitid busy"
DISPS="handler restart ignore default blocked"

for mode in pid pgrp; do
	dopts=
	[ $mode = pgrp ] && dopts=--pgrp
	for call in $CALLS; do
		for disp in $DISPS; do
			linger=
			case $mode/$disp in
			pgrp/handler | pgrp/restart) linger="-l 50" ;;
			esac
			# shellcheck disable=SC2086
			sig_compare "$mode $call $disp" "$dopts" "$SIGCALL" $linger "$call" "$disp"
		done
	done
done
sig_finish
