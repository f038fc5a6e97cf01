// SPDX-License-Identifier: MIT
/*
 * The tracer loop.  One thread (the one that seized the guest, as
 * ptrace requires) blocks in one wait4(__WALL) per event, woken for
 * host signals and the emulation's completions too (loop_wake.c), so
 * that every ptrace stop is answered exactly once, by stops.c.  Here:
 * setting up the supervision, the loop, reading the front's host
 * signals, and the main process's status for the front (env(1)'s and
 * timeout(1)'s statuses when it never ran or ran out of time).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emul/emul.h"
#include "emul/interrupt.h"
#include "log.h"
#include "loop_wake.h"
#include "policy/enforce.h"
#include "policy/hooks.h"
#include "policy/report.h"
#include "resume.h"
#include "signals/forward.h"
#include "signals/jobctl.h"
#include "signals/relay.h"
#include "spawn.h"
#include "stops.h"
#include "task.h"
#include "trace/tracing.h"
#include "report/dump.h"
#include "tracer.h"

static pid_t main_pid;
static bool debug;

/*
 * The front's pipe of host signals, read in one go (a short read means
 * it is empty).  The guest's waitable stops go first: the guest's own
 * copy of a process-group signal may be among them, and its handler
 * need not wait for the twin check, which then finds that copy
 * recorded (forward.c) without reading the guest's pending set.
 */
static bool read_host_signals(int sfd)
{
	struct signalfd_siginfo ssi[16];
	ssize_t n;

	stops_drain();
	do {
		n = read(sfd, ssi, sizeof(ssi));
		for (ssize_t i = 0; n > 0 && i < n / (ssize_t)sizeof(ssi[0]); i++) {
			relay_seen((int)ssi[i].ssi_signo);
			if (ssi[i].ssi_signo == SIGCHLD || dump_on_signal((int)ssi[i].ssi_signo))
				continue;
			if (forward_host_signal(&ssi[i])) {
				stops_drain();
				forward_host_signal_drained(&ssi[i]);
			}
		}
	} while (n == (ssize_t)sizeof(ssi));
	/* The front is gone: nothing more will come, and it must not ring. */
	return n != 0;
}

static bool all_gone(void)
{
	return stops_main_exited(NULL) && task_count() == 0;
}

/*
 * The loop waits in wait4() itself and needs no SIGCHLD.  host.c
 * blocked it for the signalfd; unblocked at SIG_DFL (ignore), the
 * kernel drops it when a tracee stops, instead of queueing one per
 * stop for nobody to read.
 */
static void stop_queueing_sigchld(void)
{
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
}

/* -e inject's delays: each held thread whose delay is over goes on. */
static void delays_expired(void)
{
	tracing_delays_expired(stops_seccomp);
}

/* The sources that wake the loop besides a ptrace stop (loop_wake.c). */
static const struct loop_wake_readers wake_readers = {
    .signals = read_host_signals,
    .completions = emul_completions,
    .timer = dump_timer_expired,
    .delays = delays_expired,
};

/*
 * A tracee was reaped.  That may have completed its parent's emulated
 * wait (emul_child_released() interrupts the parent at once, with no
 * round trip through the bell), and it may have been the last tracee:
 * the drain's ECHILD tells.
 */
static void after_exit(void)
{
	stops_drain();
}

static void report_main_gone(void);

/*
 * One blocking wait per event: a ptrace stop or exit of the guest, the
 * doorbell's stop for completions and timers, or host signals from the
 * front, which end the wait with EINTR (loop_wake.c).  The status of
 * the main process goes to the front as soon as it is gone (unless
 * --wait-all); the loop goes on while leftovers live.
 */
/* Guest events between two looks at the bell (loop_wake_check). */
#define BELL_EVERY 16

static int event_loop(int sfd, int cfd, int tfd, bool wait_all)
{
	unsigned int since_bell = 0;
	int rc = 0;

	stop_queueing_sigchld();
	if (loop_wake_start(sfd, cfd, tfd, tracing_delay_fd(), &wake_readers) < 0)
		return -1;
	stops_drain();
	while (!all_gone() && !stops_none_left()) {
		int status;
		pid_t tid;

		if (stops_main_exited(NULL) && !wait_all)
			report_main_gone();
		jobctl_follow_stop();
		tid = loop_wake_wait(&status);
		if (tid < 0 && errno == EINTR)
			continue;
		if (tid < 0) {
			rc = -1;
			break;
		}
		if (loop_wake_is(tid)) {
			since_bell = 0;
			rc = loop_wake_answer(status);
			if (rc < 0)
				break;
		} else {
			stops_handle(tid, status);
			if (WIFEXITED(status) || WIFSIGNALED(status))
				after_exit();
			/* wait4() would let the bell wait while the guest stops. */
			if (++since_bell == BELL_EVERY) {
				since_bell = 0;
				rc = loop_wake_check();
				if (rc < 0)
					break;
			}
		}
		dump_progress();
	}
	loop_wake_stop();
	return rc;
}

static bool is_directory(const char *path)
{
	struct stat st;

	return strchr(path, '/') && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The guest never reached execve's success: report why, env(1)-style. */
static int exec_failure(const char *prog, int err_fd)
{
	int err = 0;

	if (read(err_fd, &err, sizeof(err)) != sizeof(err))
		return -1;
	if (err < 0) {
		char why[256];

		spawn_describe_failure(err, why, sizeof(why));
		psb_error("%s", why);
		return EXIT_OWN_FAILURE;
	}
	if (err == EACCES && is_directory(prog)) {
		psb_error("'%s': Is a directory", prog);
		return EXIT_CANNOT_EXEC;
	}
	psb_error("'%s': %s", prog, strerror(err));
	return err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}

static const char *main_prog;
static int exec_err_fd = -1;
static int timer_fd = -1;
static int timeout_status = EXIT_TIMEDOUT; /* --timeout-status */
static bool trace_finished, main_reported;

static void finish_tracing(void)
{
	if (trace_finished)
		return;
	trace_finished = true;
	tracing_finish();
	policy_finish();
	if (diag)
		fflush(diag);
}

/*
 * The front exits as the shell would see the main process exit:
 * its status, its death signal, timeout(1)'s 124, or env(1)'s
 * statuses when it never ran.  Leftovers are traced on, quietly.
 */
static void report_main_gone(void)
{
	bool leftovers = task_count() > 0;
	int rc = -1, main_status = 0;

	if (main_reported)
		return;
	main_reported = true;
	/* As timeout(1) returns with its child: leftovers are not bounded. */
	if (leftovers && timer_fd >= 0 && !dump_timed_out())
		timerfd_settime(timer_fd, 0, &(struct itimerspec){0}, NULL);
	stops_main_exited(&main_status);
	if (!stops_main_execd())
		rc = exec_failure(main_prog, exec_err_fd);
	if (!leftovers)
		finish_tracing();
	if (rc >= 0)
		relay_report_exit(rc, 0, leftovers);
	else if (dump_timed_out())
		relay_report_exit(timeout_status, 0, leftovers);
	else if (WIFSIGNALED(main_status))
		relay_report_exit(128 + WTERMSIG(main_status), WTERMSIG(main_status), leftovers);
	else
		relay_report_exit(WEXITSTATUS(main_status), 0, leftovers);
}

static int supervise(const struct options *opts, int sfd, int tfd)
{
	const struct policy_run *run;
	struct sysset set;
	struct spawned sp;
	int cfd;

	sysset_clear(&set);
	if (emul_native(opts->native) < 0)
		return EXIT_OWN_FAILURE;
	emul_interpose(&set);
	if (interrupt_init(opts->interrupt, &set) < 0)
		return EXIT_OWN_FAILURE;
	if (tracing_init(opts, &set) < 0)
		return EXIT_OWN_FAILURE;
	if (policy_start(&opts->policy, opts->argv, &set, &run) < 0)
		return EXIT_OWN_FAILURE;
	report_set_stack_trace(opts->stack_trace);
	cfd = emul_init();
	if (cfd < 0) {
		psb_perror("cannot start the emulation");
		return EXIT_OWN_FAILURE;
	}
	if (spawn_guest(opts->exec_path, opts->argv, &set, run, &sp) < 0)
		return EXIT_OWN_FAILURE;
	main_pid = sp.pid;
	stops_init(sp.pid, debug);
	main_prog = opts->argv[0];
	exec_err_fd = sp.exec_err_fd;
	timer_fd = tfd;
	timeout_status = opts->timeout_status;
	task_add(sp.pid, sp.pid, getpid());
	forward_init(sp.pid);
	jobctl_init(sp.pid);

	if (event_loop(sfd, cfd, tfd, opts->wait_all) < 0) {
		psb_perror("tracer loop");
		return EXIT_OWN_FAILURE;
	}
	if (stops_main_exited(NULL))
		report_main_gone();
	finish_tracing();
	return 0;
}

int tracer_run(const struct options *opts)
{
	int sfd, tfd, rc;

	debug = getenv("PTSANDBOX_DEBUG") != NULL;
	/* A traced call in progress: stop again at its exit for the result. */
	resume_set_wants_exit(tracing_wants_exit_stop);
	/* From here on, this is the supervisor: the front waits in relay.c. */
	sfd = relay_split(opts->dump_signal);
	if (sfd < 0)
		return EXIT_OWN_FAILURE;
	tfd = dump_init(opts);
	rc = opts->timeout_ns && tfd < 0 ? EXIT_OWN_FAILURE : supervise(opts, sfd, tfd);
	/* Failed before the main process was gone: the front exits with rc. */
	relay_report_exit(rc, 0, false);
	return 0;
}
