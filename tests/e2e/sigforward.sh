#!/bin/sh
# Signal semantics, the other host signals ptsandbox forwards (SIGTERM,
# SIGHUP, SIGQUIT, SIGUSR1/2, ...): a handler runs once, a default action
# of terminate kills with the same status, a default-ignored signal
# (SIGWINCH) interrupts nothing; sent to ptsandbox's pid and to the
# process group.  Then job control from a terminal: Ctrl-Z (SIGTSTP) or
# SIGSTOP to the process group, then SIGCONT, while the guest waits.
. "$TESTLIB"
. "$srcdir/tests/e2e/sigcommon.sh"

SIGS="TERM HUP QUIT USR1 USR2 ALRM WINCH XCPU VTALRM PROF"

for mode in pid pgrp; do
	dopts=
	[ $mode = pgrp ] && dopts=--pgrp
	for sig in $SIGS; do
		for call in nanosleep poll read busy; do
			for disp in handler default; do
				sig_compare "$mode SIG$sig $call $disp" "$dopts --sig $sig" \
					"$SIGCALL" -s "$sig" "$call" "$disp"
			done
		done
	done
done

# Stop and continue.  With no handler the call goes on (restarted, with
# what is left of its timeout; nanosleep has written *rem by then),
# except those Linux makes fail with EINTR after a stop (epoll_wait,
# sigtimedwait, ...: signal(7)).  The calls time out after 800 ms (-t)
# so that the stop surely lands while they wait.  A SIGTSTP handler must
# run once, as natively, and stop nothing.
STOPCALLS="nanosleep clock_nanosleep_abs poll select epoll_wait sigtimedwait_other
	futex_timed read pause busy"
for sig in TSTP STOP; do
	for call in $STOPCALLS; do
		sig_compare "pgrp SIG$sig+SIGCONT $call default" "--pgrp --stop --sig $sig" \
			"$SIGCALL" -t 800 -s "$sig" "$call" default
	done
done
for call in nanosleep poll read; do
	sig_compare "pgrp SIGTSTP+SIGCONT $call handler" "--pgrp --stop --sig TSTP" \
		"$SIGCALL" -s TSTP "$call" handler
done
sig_finish
