#!/bin/sh
# Behaviours LTP's syscall tests (make check-ltp) found ptsandbox did not
# match, each reduced to a small guest run natively and sandboxed: same
# stdout and exit status required.
#   sleep_efault  an interrupted relative sleep whose *rem is unwritable
#                 fails with EFAULT (LTP clock_nanosleep01)
#   timens_sleep  absolute CLOCK_MONOTONIC/BOOTTIME deadlines of a guest in
#                 a time namespace are in the namespace's time (LTP
#                 clock_nanosleep03); skipped without time namespaces
#   mounts_poll   poll/select/epoll for POLLPRI on /proc/self/mounts: the
#                 supervisor must not poll such a file itself, which takes
#                 the event (LTP epoll_wait10); needs a mount namespace
#   epoll_exclusive  EPOLLEXCLUSIVE: one event wakes one of several epoll
#                 instances watching the same pipe (LTP epoll_wait16)
#   seccomp_strict  SECCOMP_MODE_STRICT on top of ptsandbox's filter, and
#                 blocking calls under a guest filter that forbids ppoll
#                 (LTP seccomp01)
#   cleartid      a thread's exit clears a CLONE_CHILD_CLEARTID word that
#                 held -1, not its tid, and wakes its waiter (LTP clone08),
#                 also with --trace
#   mask_window   a call's own sigmask holds while an ignored SIGCHLD
#                 interrupts the parked call (LTP epoll_pwait01)
. "$TESTLIB"

compare "sleep_efault" "$GUESTS/sleep_efault"

if "$GUESTS/timens_sleep" >/dev/null 2>&1 || [ $? -ne 77 ]; then
	compare "timens_sleep" "$GUESTS/timens_sleep"
else
	echo "# timens_sleep skipped: no time namespaces here"
fi
# compare_or_skip NAME CMD...: compare, unless the guest exits 77 natively.
compare_or_skip() {
	name=$1
	shift
	run_capture native "$@" </dev/null
	if [ "$(cat "$tmp/native.rc")" = 77 ]; then
		echo "# $name skipped: $(cat "$tmp/native.err")"
		return 0
	fi
	compare "$name" "$@"
}

compare_or_skip "mounts_poll" "$GUESTS/mounts_poll"
compare "epoll_exclusive" "$GUESTS/epoll_exclusive"
compare "seccomp_strict" "$GUESTS/seccomp_strict"
compare "cleartid" "$GUESTS/cleartid"
# Tracing takes other paths through the event loop.
run_capture native "$GUESTS/cleartid" </dev/null
run_capture sandbox "$PTSANDBOX" --trace=all -o /dev/null -- "$GUESTS/cleartid" </dev/null
compare_captured "cleartid --trace=all"
compare "mask_window" "$GUESTS/mask_window"
finish
