#!/bin/sh
# Signal semantics, signals that do not come from the host: SIGALRM from
# alarm/setitimer/timer_create, SIGCHLD from a child's exit, the guest's
# own kill/tgkill from another thread and raise, and which thread of a
# multithreaded guest a process-directed signal runs in.  They must
# interrupt emulated waits exactly like a host SIGINT does natively.
. "$TESTLIB"
. "$srcdir/tests/e2e/sigcommon.sh"

CALLS="nanosleep clock_nanosleep clock_nanosleep_abs poll ppoll select pselect6
	epoll_wait epoll_pwait2 pause sigsuspend sigtimedwait_other
	read futex futex_timed wait4 busy"

# sources FROM SIG CALLS DISPS: each call x disposition, SIG from FROM.
sources() {
	from=$1
	sig=$2
	calls=$3
	for call in $calls; do
		for disp in $4; do
			sig_compare "$from $sig $call $disp" "" \
				"$SIGCALL" -s "$sig" -f "$from" "$call" "$disp"
		done
	done
}

# alarm(1) costs a second per run: two calls are enough.
sources alarm ALRM "nanosleep poll" "handler default"
sources itimer ALRM "$CALLS" "handler restart ignore default blocked"
sources timer ALRM "nanosleep poll epoll_wait read" "handler restart default blocked"
sources kill INT "$CALLS" "handler restart ignore default blocked"
sources tgkill INT "$CALLS" "handler restart default blocked"
sources kill USR1 "nanosleep poll busy" "handler default"
sources tgkill TERM "nanosleep poll busy" "handler default"
# raise() before the call: SIG is pending when it starts.  The *_mask
# calls and sigsuspend unblock it (EINTR at once), sigtimedwait takes
# it, and with "blocked" the call must not see it.
sources raise INT "ppoll_mask pselect6_mask epoll_pwait_mask sigsuspend sigtimedwait" \
	"handler ignore default blocked"
sources raise INT "nanosleep poll read" "blocked"
# SIGCHLD: a handler interrupts; default-ignored and SIG_IGN do not.
sources child CHLD "nanosleep poll epoll_wait select read pause busy" \
	"handler restart ignore default blocked"

# One process-directed signal, four threads, SIG blocked in three: the
# handler runs once, in the one thread that does not block it.
for call in nanosleep poll epoll_wait; do
	for k in 0 3; do
		sig_compare "threads $call unblocked-in-$k from kill" "" \
			"$SIGTHREADS" -f kill "$call" $k
		sig_compare "threads $call unblocked-in-$k from pid" "" \
			"$SIGTHREADS" "$call" $k
		sig_compare "threads $call unblocked-in-$k from pgrp" "--pgrp" \
			"$SIGTHREADS" -l 50 "$call" $k
	done
done
sig_finish
