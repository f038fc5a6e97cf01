# Guest programs: small, dependency-free C programs the e2e tests run
# natively and under ptsandbox.
GUEST_CFLAGS = -O1 -g -Wall -Wextra -Werror -pthread
# Guests see the system headers only: src/ has a spawn.h of its own,
# which would shadow <spawn.h>.  Naming the guest's CPPFLAGS keeps
# AM_CPPFLAGS (-I src) away from it.
GUEST_CPPFLAGS = -D_GNU_SOURCE

GUEST_PROGS += tests/guests/exit_code
tests_guests_exit_code_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_exit_code_CFLAGS = $(GUEST_CFLAGS)
tests_guests_exit_code_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/signal_death
tests_guests_signal_death_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_signal_death_CFLAGS = $(GUEST_CFLAGS)
tests_guests_signal_death_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/forktree
tests_guests_forktree_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_forktree_CFLAGS = $(GUEST_CFLAGS)
tests_guests_forktree_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/threads
tests_guests_threads_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_threads_CFLAGS = $(GUEST_CFLAGS)
tests_guests_threads_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/vfork_exec
tests_guests_vfork_exec_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_vfork_exec_CFLAGS = $(GUEST_CFLAGS)
tests_guests_vfork_exec_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/thread_exec
tests_guests_thread_exec_SOURCES = tests/guests/thread_exec.c $(SIG_GUEST_SRC)
tests_guests_thread_exec_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_thread_exec_CFLAGS = $(GUEST_CFLAGS)
tests_guests_thread_exec_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/group_stop
tests_guests_group_stop_SOURCES = tests/guests/group_stop.c $(SIG_GUEST_SRC)
tests_guests_group_stop_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_group_stop_CFLAGS = $(GUEST_CFLAGS)
tests_guests_group_stop_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/blocker
tests_guests_blocker_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_blocker_CFLAGS = $(GUEST_CFLAGS)
tests_guests_blocker_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/int80
tests_guests_int80_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_int80_CFLAGS = $(GUEST_CFLAGS)
tests_guests_int80_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/trace_calls
tests_guests_trace_calls_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_trace_calls_CFLAGS = $(GUEST_CFLAGS)
tests_guests_trace_calls_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/interrupted
tests_guests_interrupted_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_interrupted_CFLAGS = $(GUEST_CFLAGS)
tests_guests_interrupted_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/stopped_call
tests_guests_stopped_call_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_stopped_call_CFLAGS = $(GUEST_CFLAGS)
tests_guests_stopped_call_LDFLAGS = -pthread

# Crash guests for tests/unit/check_crash.  The configure CFLAGS come
# after these and may re-enable optimisation, so the sources also keep
# every frame the backtrace assertions name (see crash_null.c).
GUEST_PROGS += tests/guests/crash_null
tests_guests_crash_null_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_null_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/crash_ud2
tests_guests_crash_ud2_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_ud2_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/crash_div0
tests_guests_crash_div0_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_div0_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/crash_abort
tests_guests_crash_abort_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_crash_abort_LDFLAGS = -pthread

# Signal semantics (tests/e2e/sigcalls.sh and friends): a driver that
# sends signals on a READY handshake, and the guests it drives.
# Their own CPPFLAGS keep AM_CPPFLAGS (-I src) away from them.
SIG_GUEST_SRC = tests/guests/sigutil.c tests/guests/sigutil.h
SIG_GUEST_CPPFLAGS = -I$(top_srcdir)/tests/guests
GUEST_PROGS += tests/guests/sigdriver tests/guests/sigcall tests/guests/sigthreads \
	tests/guests/sigstress
tests_guests_sigdriver_SOURCES = tests/guests/sigdriver.c $(SIG_GUEST_SRC)
tests_guests_sigdriver_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_sigdriver_CFLAGS = $(GUEST_CFLAGS)
tests_guests_sigdriver_LDFLAGS = -pthread
tests_guests_sigcall_SOURCES = tests/guests/sigcall.c $(SIG_GUEST_SRC)
tests_guests_sigcall_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_sigcall_CFLAGS = $(GUEST_CFLAGS)
tests_guests_sigcall_LDFLAGS = -pthread
tests_guests_sigthreads_SOURCES = tests/guests/sigthreads.c $(SIG_GUEST_SRC)
tests_guests_sigthreads_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_sigthreads_CFLAGS = $(GUEST_CFLAGS)
tests_guests_sigthreads_LDFLAGS = -pthread
tests_guests_sigstress_SOURCES = tests/guests/sigstress.c $(SIG_GUEST_SRC)
tests_guests_sigstress_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_sigstress_CFLAGS = $(GUEST_CFLAGS)
tests_guests_sigstress_LDFLAGS = -pthread

# futex semantics (tests/e2e/futex.sh) and pause/sigsuspend/sigtimedwait
# specifics (tests/e2e/sigwaits.sh): what an emulation must match.
GUEST_PROGS += tests/guests/futexops tests/guests/sigwaits
tests_guests_futexops_SOURCES = tests/guests/futexops.c $(SIG_GUEST_SRC)
tests_guests_futexops_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_futexops_CFLAGS = $(GUEST_CFLAGS)
tests_guests_futexops_LDFLAGS = -pthread
tests_guests_sigwaits_SOURCES = tests/guests/sigwaits.c $(SIG_GUEST_SRC)
tests_guests_sigwaits_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_sigwaits_CFLAGS = $(GUEST_CFLAGS)
tests_guests_sigwaits_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/manywaits
tests_guests_manywaits_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_manywaits_CFLAGS = $(GUEST_CFLAGS)
tests_guests_manywaits_LDFLAGS = -pthread

# Hanging guests for --timeout and --dump-on (tests/e2e/timeout.sh).
# -O0 keeps the frames the dump assertions name (see crash_null.c).
GUEST_PROGS += tests/guests/hang
tests_guests_hang_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_hang_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O0
tests_guests_hang_LDFLAGS = -pthread

# A child's exit that completes a wait and raises SIGCHLD; a pipe write
# that completes a poll and raises SIGIO (tests/e2e/chldwait.sh).
GUEST_PROGS += tests/guests/chldwait
tests_guests_chldwait_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_chldwait_CFLAGS = $(GUEST_CFLAGS)
tests_guests_chldwait_LDFLAGS = -pthread
# Source lines and inlined frames in backtraces (tests/unit/check_crash.c,
# tests/e2e/srclines.sh): optimised, so that always_inline really inlines.
GUEST_PROGS += tests/guests/crash_inline
tests_guests_crash_inline_CFLAGS = $(GUEST_CFLAGS) -fno-omit-frame-pointer -O2
tests_guests_crash_inline_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/srclines
tests_guests_srclines_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_srclines_CFLAGS = $(GUEST_CFLAGS) -O2
tests_guests_srclines_LDFLAGS = -pthread
# Sandbox policy: one way out per route (tests/e2e/policy.sh).
GUEST_PROGS += tests/guests/escape
tests_guests_escape_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_escape_CFLAGS = $(GUEST_CFLAGS)
tests_guests_escape_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/ptrace_self
tests_guests_ptrace_self_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_ptrace_self_CFLAGS = $(GUEST_CFLAGS)
tests_guests_ptrace_self_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/decode_calls
tests_guests_decode_calls_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_decode_calls_CFLAGS = $(GUEST_CFLAGS)
tests_guests_decode_calls_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/inject_calls
tests_guests_inject_calls_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_inject_calls_CFLAGS = $(GUEST_CFLAGS)
tests_guests_inject_calls_LDFLAGS = -pthread
# Divergences LTP's syscall tests found (tests/e2e/ltp_found.sh).
GUEST_PROGS += tests/guests/sleep_efault
tests_guests_sleep_efault_SOURCES = tests/guests/sleep_efault.c $(SIG_GUEST_SRC)
tests_guests_sleep_efault_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_sleep_efault_CFLAGS = $(GUEST_CFLAGS)
tests_guests_sleep_efault_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/timens_sleep
tests_guests_timens_sleep_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_timens_sleep_CFLAGS = $(GUEST_CFLAGS)
tests_guests_timens_sleep_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/mounts_poll
tests_guests_mounts_poll_SOURCES = tests/guests/mounts_poll.c $(SIG_GUEST_SRC)
tests_guests_mounts_poll_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_mounts_poll_CFLAGS = $(GUEST_CFLAGS)
tests_guests_mounts_poll_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/epoll_exclusive
tests_guests_epoll_exclusive_SOURCES = tests/guests/epoll_exclusive.c $(SIG_GUEST_SRC)
tests_guests_epoll_exclusive_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_epoll_exclusive_CFLAGS = $(GUEST_CFLAGS)
tests_guests_epoll_exclusive_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/seccomp_strict
tests_guests_seccomp_strict_SOURCES = tests/guests/seccomp_strict.c $(SIG_GUEST_SRC)
tests_guests_seccomp_strict_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_seccomp_strict_CFLAGS = $(GUEST_CFLAGS)
tests_guests_seccomp_strict_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/cleartid
tests_guests_cleartid_SOURCES = tests/guests/cleartid.c $(SIG_GUEST_SRC)
tests_guests_cleartid_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_cleartid_CFLAGS = $(GUEST_CFLAGS)
tests_guests_cleartid_LDFLAGS = -pthread
GUEST_PROGS += tests/guests/mask_window
tests_guests_mask_window_SOURCES = tests/guests/mask_window.c $(SIG_GUEST_SRC)
tests_guests_mask_window_CPPFLAGS = $(SIG_GUEST_CPPFLAGS)
tests_guests_mask_window_CFLAGS = $(GUEST_CFLAGS)
tests_guests_mask_window_LDFLAGS = -pthread
# --interrupt: an EINTR bug and its fix (tests/e2e/interrupt.sh).
GUEST_PROGS += tests/guests/eintr_buggy tests/guests/eintr_retry
tests_guests_eintr_buggy_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_eintr_buggy_CFLAGS = $(GUEST_CFLAGS)
tests_guests_eintr_buggy_LDFLAGS =
tests_guests_eintr_retry_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_eintr_retry_CFLAGS = $(GUEST_CFLAGS)
tests_guests_eintr_retry_LDFLAGS =

GUEST_PROGS += tests/guests/attach_target
tests_guests_attach_target_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_attach_target_CFLAGS = $(GUEST_CFLAGS)
tests_guests_attach_target_LDFLAGS = -pthread

GUEST_PROGS += tests/guests/inject_delay
tests_guests_inject_delay_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_inject_delay_CFLAGS = $(GUEST_CFLAGS)
tests_guests_inject_delay_LDFLAGS = -pthread

# Many emulated waits at once on every clock (the watcher, emul/watch.c).
GUEST_PROGS += tests/guests/watchers
tests_guests_watchers_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_watchers_CFLAGS = $(GUEST_CFLAGS)
tests_guests_watchers_LDFLAGS = -pthread

# Which call a waiting thread sleeps in (--native).
GUEST_PROGS += tests/guests/blocked_in
tests_guests_blocked_in_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_blocked_in_CFLAGS = $(GUEST_CFLAGS)
tests_guests_blocked_in_LDFLAGS = -pthread
