#!/bin/sh
# futex semantics: every scenario of tests/guests/futexops natively and
# under ptsandbox; stdout and exit status must be equal.  The guest
# prints return values, errno names and wake counts, never addresses,
# tids or timings, so the native run is the specification: raw
# futex(2) argument checks and timeouts, wake/requeue/WAKE_OP counts,
# private and shared keys (threads, MAP_SHARED and memfd across
# processes, copy-on-write pages), the pthread primitives glibc builds
# on futexes, robust mutexes whose owner dies, and waits interrupted by
# signals or stopped and continued.
#
# A waiter is known to sleep by futexes alone (a CMP_REQUEUE count
# probe, or a wake retried until it wakes one), never by /proc or a
# sleep: see the top of tests/guests/futexops.c.
#
# FUTEX_ONLY=PATTERN (a shell case pattern) runs only the checks whose
# name matches, e.g. FUTEX_ONLY='*requeue*'.
. "$TESTLIB"

# Each scenario takes at most a few seconds, sandboxed: a hang need not
# cost the default minute.
if [ -z "${PTSANDBOX_TEST_TIMEOUT:-}" ] && [ -n "$bounded" ]; then
	limit=30
	bounded="timeout --foreground -s KILL $limit"
fi

F=$GUESTS/futexops
failed=

# fx NAME ARG...: futexops ARG... natively, then sandboxed.  A native
# run that fails on its own (exit 99: a test bug or a hang) is reported
# as such and not compared.
fx() {
	name=$1
	shift
	# shellcheck disable=SC2254
	case $name in
	${FUTEX_ONLY:-*}) ;;
	*) return 0 ;;
	esac
	run_capture native "$F" "$@" </dev/null
	if [ "$(cat "$tmp/native.rc")" = 99 ]; then
		not_ok "$name: the native run itself failed (test bug)"
		sed 's/^/#   native stderr: /' "$tmp/native.err" | head -5
		failed="$failed
#   $name (native run)"
		return 1
	fi
	run_capture sandbox "$PTSANDBOX" -- "$F" "$@" </dev/null
	if ! compare_captured "$name"; then
		sed 's/^/#   sandboxed stderr: /' "$tmp/sandbox.err" | head -5
		failed="$failed
#   $name"
	fi
}

fx "errors: EAGAIN, ETIMEDOUT, EINVAL, EFAULT, ENOSYS, private and shared" errors
fx "keys: private vs shared flag, memfd mapped twice" keys
for mode in private shared; do
	fx "$mode wake counts: 1, INT_MAX, 0, -1" wake $mode
	fx "$mode wake counts, by retried wakes only" wake_retry $mode
	fx "$mode wake order is FIFO" fifo $mode
	fx "$mode WAIT_BITSET / WAKE_BITSET" bitset $mode
	fx "$mode FUTEX_REQUEUE" requeue $mode
	fx "$mode FUTEX_CMP_REQUEUE" cmp_requeue $mode
	fx "$mode CMP_REQUEUE onto the same word" requeue_self $mode
	fx "$mode requeued waiters keep their order" requeue_order $mode
	fx "$mode FUTEX_WAKE_OP ops and compares" wake_op $mode
	fx "$mode no wake without a wake: changed word, exiting tasks" no_spurious $mode
done

fx "cross-process: MAP_SHARED word" xproc_shm
fx "cross-process: MAP_SHARED word, retried wake" xproc_shm_retry
fx "cross-process: memfd at another address and offset" xproc_memfd
fx "cross-process: MAP_PRIVATE copy-on-write word" xproc_cow

for n in 2 4 8; do
	fx "pthread: condvar ring of $n threads, 20000 handoffs" condvar $n 20000
done
fx "pthread: semaphore bounded buffer" sem
fx "pthread: process-shared semaphores, 5000 round trips" sem_xproc 5000
fx "pthread: barrier, 6 threads x 2000 rounds" barrier 6 2000
fx "pthread: rwlock readers and writers" rwlock
fx "pthread: join 50 threads, and a chain of 50 joins" join
fx "pthread: timed locks and waits time out" timedlocks

fx "robust mutex: owner thread dies, waiter gets EOWNERDEAD" robust_thread
fx "robust mutex: not made consistent: ENOTRECOVERABLE" robust_norecover
fx "robust mutex: owner process exits" robust_process
fx "robust mutex: owner process SIGKILLed" robust_kill

fx "signal: setitimer SIGALRM, handler: EINTR" intr_itimer
fx "signal: setitimer SIGALRM, SA_RESTART: restarted" intr_itimer_restart
fx "signal: SA_RESTART, timed FUTEX_WAIT: EINTR" intr_timed_restart
fx "signal: SA_RESTART, absolute WAIT_BITSET: EINTR" intr_bitset_restart
fx "signal: alarm(1) SIGALRM, handler: EINTR" intr_alarm
fx "signal: tgkill SIGUSR1 from a thread: EINTR" intr_tgkill
fx "signal: tgkill SIGUSR1, SA_RESTART: restarted" intr_tgkill_restart
fx "signal: SIGCHLD from an exiting child, handler: EINTR" intr_sigchld
fx "signal: SIGCHLD default: the wait goes on" intr_sigchld_dfl
fx "signal: SIGCHLD SIG_IGN: the wait goes on" intr_sigchld_ign
fx "signal: SIGSTOP+SIGCONT from a child, untimed wait goes on" stopcont
fx "signal: SIGSTOP+SIGCONT from a child, timed wait goes on" stopcont_timed
fx "signal: SIGSTOP+SIGCONT of a guest subprocess" stopcont_sub

[ -n "$failed" ] && echo "# failed:$failed"
finish
