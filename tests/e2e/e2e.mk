E2E_TESTS += tests/e2e/basic.sh
E2E_TESTS += tests/e2e/signals.sh
E2E_TESTS += tests/e2e/processes.sh
E2E_TESTS += tests/e2e/exec_errors.sh
E2E_TESTS += tests/e2e/pipes.sh
E2E_TESTS += tests/e2e/make.sh
E2E_TESTS += tests/e2e/group_stop.sh
E2E_TESTS += tests/e2e/int80.sh
E2E_TESTS += tests/e2e/supervisor_kill.sh
E2E_TESTS += tests/e2e/timeout.sh
EXTRA_DIST += tests/e2e/sample.mk
# Signal semantics: native run vs sandboxed run, under sigdriver.
E2E_TESTS += tests/e2e/sigcalls.sh tests/e2e/sigsources.sh tests/e2e/sigforward.sh \
	tests/e2e/stress.sh tests/e2e/realprog.sh
EXTRA_DIST += tests/e2e/sigcommon.sh
# futex and the signal waits (pause, sigsuspend, sigtimedwait): native
# semantics an emulation must match.
E2E_TESTS += tests/e2e/futex.sh tests/e2e/sigwaits.sh
# A wait completed by the same exit that raises SIGCHLD (and poll/SIGIO).
E2E_TESTS += tests/e2e/chldwait.sh
# Leftover processes: ptsandbox returns with the main process (--wait-all).
E2E_TESTS += tests/e2e/leftovers.sh
# --trace: against strace (skipped without it), and the options alone.
# Source lines and inlined frames in backtraces (libdw).
E2E_TESTS += tests/e2e/srclines.sh
E2E_TESTS += tests/e2e/policy.sh
E2E_TESTS += tests/e2e/policy_kernel.sh
E2E_TESTS += tests/e2e/learn.sh
E2E_TESTS += tests/e2e/trace.sh tests/e2e/trace_opts.sh tests/e2e/trace_strace_opts.sh \
	tests/e2e/trace_interrupted.sh tests/e2e/trace_stops.sh
E2E_TESTS += tests/e2e/debugging.sh
E2E_TESTS += tests/e2e/automake.sh
E2E_TESTS += tests/e2e/inject.sh
# Divergences found by LTP (make check-ltp), one small guest each.
E2E_TESTS += tests/e2e/ltp_found.sh
E2E_TESTS += tests/e2e/interrupt.sh
# The watcher: many parked calls at once, every clock.
E2E_TESTS += tests/e2e/watch.sh
# --native: families left to the kernel.
E2E_TESTS += tests/e2e/native.sh
# ptsandbox -p: attach, dump, trace, detach.
E2E_TESTS += tests/e2e/attach.sh
