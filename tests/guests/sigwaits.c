// SPDX-License-Identifier: MIT
/*
 * sigwaits [-x] [-l MS] SCENARIO
 *
 * pause, rt_sigsuspend, rt_sigtimedwait and sigwaitinfo: the specifics
 * tests/guests/sigcall does not cover (it covers one signal against
 * every blocking call and disposition).  Each scenario prints what the
 * calls returned, errno names, signal names, si_codes, senders named
 * self/child/driver (never pids), masks as sets of signal names and the
 * order handlers ran in, so a run under ptsandbox must print exactly
 * what a native run prints.  A test bug or a hang exits 99.
 *
 * Where the signal comes matters to an emulation: already pending when
 * the call starts (ptsandbox then runs it natively) or arriving while
 * the thread sleeps in it (parked).  The "_later" and "live" scenarios
 * make it arrive during the call: a watcher thread or a helper child
 * waits until the waiting thread sleeps in the kernel (/proc state S,
 * as wait_sleeping() in sigutil.c) before it sends.  The result does
 * not depend on that timing, only which path is taken does.
 *
 * -x: the signal is SIGINT from sigdriver, sent when "READY" is
 * printed (for the scenarios marked x); the sender prints as "driver".
 * -l MS: wait that long before the final count, so that a duplicate
 * delivery (process-group mode) has the time to show.
 *
 * Scenarios:
 *   sigsuspend_pending   x  a pending signal unblocked by the mask: EINTR at once;
 *                           the handler's mask is the call's mask + sa_mask + the
 *                           signal; the original mask is back afterwards
 *   sigsuspend_nodefer      the same with SA_NODEFER
 *   sigsuspend_later     x  the same, the signal arriving during the call
 *   sigsuspend_two          two pending signals unblocked at once: both handlers
 *                           run before it returns, nested, in kernel order
 *   pause_handler        x  pause, a handler: it runs once, EINTR
 *   sigtimedwait_self       own kill, tgkill, sigqueue: si_code, sender, si_value
 *   sigtimedwait_errors     EAGAIN (zero, short, SIGKILL/SIGSTOP only), EINVAL,
 *                           NULL info, EFAULT info (the signal is consumed)
 *   sigtimedwait_efault     EFAULT info, the signal arriving during the call
 *   sigtimedwait_unblocked  a handled, unblocked signal of the set is taken, not handled
 *   sigtimedwait_live    x  a blocked signal arriving during the call
 *   sigtimedwait_child      a child's kill and three sigqueue() values, in order
 *   rt_order                pending standard and realtime signals: dequeue order,
 *                           merged standard signal, queued realtime values
 *   sigchld                 SIGCHLD by sigtimedwait: CLD_STOPPED, CLD_CONTINUED,
 *                           CLD_EXITED with status, CLD_KILLED
 *   stop_sigtimedwait       a child's SIGSTOP then SIGCONT: sigtimedwait fails EINTR
 *   stop_pause              the same: pause goes on (a handled signal ends it)
 *   stop_sigsuspend         the same: sigsuspend goes on
 *   stop_*_sub              each stop_* in a subprocess of the guest
 *   cont_sigtimedwait       a SIGCONT alone (nothing stopped) interrupts nothing
 *   cont_pause              the same for pause
 *   threads              x  thread B in sigwaitinfo(USR1), C in sigwaitinfo(USR2),
 *                           blocked everywhere: process-directed signals go to them
 *   threads_handler         B in sigtimedwait(USR1), main has USR1 unblocked with a
 *                           handler: a process-directed USR1 runs the handler in main
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

#define NS_PER_MS 1000000LL

static bool ext;
static int linger_ms;
static pid_t driver, child, main_tid;

/* ---- printing ---- */

static const char *sender(pid_t pid, int code)
{
	if (code == SI_KERNEL || code == SI_TIMER)
		return "kernel";
	if (pid > 0 && pid == driver)
		return "driver";
	if (pid == getpid())
		return "self";
	if (pid > 0 && pid == child)
		return "child";
	return "other";
}

/* The members of set: 1-31 and SIGRTMIN..SIGRTMIN+3, as names. */
static const char *mask_str(const sigset_t *set)
{
	static char buf[512];
	size_t len = 0;

	buf[0] = '\0';
	for (int sig = 1; sig <= SIGRTMIN + 3; sig++) {
		if (sig > 31 && sig < SIGRTMIN)
			continue;
		if (sigismember(set, sig) == 1)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
						len ? "," : "", sig_name(sig));
	}
	return len ? buf : "-";
}

static const char *cur_mask(void)
{
	sigset_t set;

	sigprocmask(SIG_SETMASK, NULL, &set);
	return mask_str(&set);
}

static const char *pending_str(void)
{
	sigset_t set;

	sigpending(&set);
	return mask_str(&set);
}

/* One line for a signal-wait return: "SIGUSR1 SI_USER from=self" or "-1 EAGAIN". */
static void show_taken(const char *what, long r, int err, const siginfo_t *si)
{
	printf("%s: ", what);
	if (r < 0) {
		printf("-1 %s\n", errno_name(err));
		return;
	}
	printf("%s", sig_name((int)r));
	if (si) {
		printf(" %s from=%s", code_name((int)r, si->si_code),
		       sender(si->si_pid, si->si_code));
		if (si->si_code == SI_QUEUE)
			printf(" value=%d", si->si_value.sival_int);
		if (r == SIGCHLD)
			printf(" status=%d", si->si_status);
	}
	printf("\n");
}

/* show_taken() of a call made here, with the errno it left. */
#define TAKEN(what, call, si)                                                                      \
	do {                                                                                       \
		long r_ = (call);                                                                  \
		int e_ = errno;                                                                    \
		show_taken(what, r_, e_, si);                                                      \
	} while (0)

static sigset_t set_of(int a, int b, int c)
{
	sigset_t s;

	sigemptyset(&s);
	if (a)
		sigaddset(&s, a);
	if (b)
		sigaddset(&s, b);
	if (c)
		sigaddset(&s, c);
	return s;
}

static void set_mask(int a, int b, int c)
{
	sigset_t s = set_of(a, b, c);

	sigprocmask(SIG_SETMASK, &s, NULL);
}

/* rt_sigtimedwait itself: glibc's sigtimedwait retries nothing, but be exact. */
static long stw(const sigset_t *set, siginfo_t *si, const struct timespec *ts)
{
	return syscall(SYS_rt_sigtimedwait, set, si, ts, 8);
}

/* ---- handlers ---- */

#define MAXREC 8
static struct rec {
	int sig;
	sigset_t mask;
	int code;
	pid_t pid;
} recs[MAXREC];
static atomic_int nrec;
static int selfpipe[2];

static void on_sig(int sig, siginfo_t *si, void *uc)
{
	int saved = errno, i = atomic_fetch_add(&nrec, 1);
	ssize_t unused;

	(void)uc;
	if (i < MAXREC) {
		recs[i].sig = sig;
		sigprocmask(SIG_SETMASK, NULL, &recs[i].mask);
		recs[i].code = si->si_code;
		recs[i].pid = si->si_pid;
	}
	unused = write(selfpipe[1], "h", 1);
	(void)unused;
	errno = saved;
}

static void handle(int sig, int flags, int mask_sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sig;
	sa.sa_flags = SA_SIGINFO | flags;
	if (mask_sig)
		sigaddset(&sa.sa_mask, mask_sig);
	if (sigaction(sig, &sa, NULL) < 0)
		die("sigaction: %m");
}

static void show_handlers(void)
{
	int n;

	if (linger_ms > 0)
		sleep_ms(linger_ms);
	n = atomic_load(&nrec);
	printf("handlers: %d\n", n);
	for (int i = 0; i < n && i < MAXREC; i++)
		printf("  %s %s from=%s, mask %s\n", sig_name(recs[i].sig),
		       code_name(recs[i].sig, recs[i].code), sender(recs[i].pid, recs[i].code),
		       mask_str(&recs[i].mask));
}

/* ---- a watcher thread: once the main thread sleeps, the signal comes ---- */

static struct {
	int sig;
	pthread_t th;
	volatile int returned;
} wt;

static void *watcher(void *arg)
{
	(void)arg;
	wait_sleeping(main_tid, &wt.returned);
	if (ext) {
		printf("READY\n");
		fflush(stdout);
	} else {
		syscall(SYS_tgkill, getpid(), main_tid, wt.sig);
	}
	return NULL;
}

/* Sends sig (or, with -x, has sigdriver send SIGINT) once main sleeps. */
static void start_watcher(int sig)
{
	sigset_t all, old;

	wt.sig = sig;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&wt.th, NULL, watcher, NULL))
		die("pthread_create");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static void stop_watcher(void)
{
	wt.returned = 1;
	pthread_join(wt.th, NULL);
}

/* The signal a scenario uses: SIGUSR1, or SIGINT from the driver with -x. */
static int the_sig(void)
{
	return ext ? SIGINT : SIGUSR1;
}

/* ---- sigsuspend ---- */

static int sigsuspend_common(int flags, bool later)
{
	int sig = the_sig();
	sigset_t callmask = set_of(SIGUSR2, SIGTERM, 0);
	long r;
	int err;

	handle(sig, flags, SIGHUP);
	set_mask(sig, SIGUSR2, 0);
	printf("mask before: %s\n", cur_mask());
	if (later)
		start_watcher(sig);
	else if (ext)
		printf("READY\n");
	else
		raise(sig);
	if (!later && ext) {
		/* Pending before the call: wait until it is. */
		int64_t deadline = mono_ns() + LONG_MS * NS_PER_MS;
		sigset_t p;

		fflush(stdout);
		do {
			if (mono_ns() > deadline)
				die("%s never became pending", sig_name(sig));
			sleep_ms(1);
			sigpending(&p);
		} while (!sigismember(&p, sig));
	}
	r = syscall(SYS_rt_sigsuspend, &callmask, 8);
	err = errno;
	if (later)
		stop_watcher();
	printf("sigsuspend(%s): %s\n", mask_str(&callmask), r < 0 ? errno_name(err) : "0?");
	show_handlers();
	printf("mask after: %s\n", cur_mask());
	printf("pending after: %s\n", pending_str());
	return 0;
}

static int sc_sigsuspend_pending(void)
{
	return sigsuspend_common(0, false);
}

static int sc_sigsuspend_nodefer(void)
{
	return sigsuspend_common(SA_NODEFER, false);
}

static int sc_sigsuspend_later(void)
{
	return sigsuspend_common(0, true);
}

static int sc_sigsuspend_two(void)
{
	sigset_t none;
	long r;

	handle(SIGUSR1, 0, SIGHUP);
	handle(SIGUSR2, 0, SIGTERM);
	set_mask(SIGUSR1, SIGUSR2, 0);
	raise(SIGUSR2);
	raise(SIGUSR1);
	printf("pending: %s\n", pending_str());
	sigemptyset(&none);
	r = syscall(SYS_rt_sigsuspend, &none, 8);
	printf("sigsuspend(-): %s\n", r < 0 ? errno_name(errno) : "0?");
	show_handlers();
	printf("mask after: %s\n", cur_mask());
	return 0;
}

static int sc_pause_handler(void)
{
	int sig = the_sig();
	long r;
	int err;

	handle(sig, 0, 0);
	set_mask(SIGUSR2, 0, 0);
	start_watcher(sig);
#ifdef SYS_pause
	r = syscall(SYS_pause);
#else
	{
		sigset_t now;

		sigprocmask(SIG_SETMASK, NULL, &now);
		r = syscall(SYS_rt_sigsuspend, &now, 8);
	}
#endif
	err = errno;
	stop_watcher();
	printf("pause: %s\n", r < 0 ? errno_name(err) : "0?");
	show_handlers();
	printf("mask after: %s\n", cur_mask());
	return 0;
}

/* ---- sigtimedwait ---- */

static int sc_sigtimedwait_self(void)
{
	sigset_t set = set_of(SIGUSR1, SIGRTMIN, 0);
	struct timespec zero = {0, 0};
	union sigval v = {.sival_int = 42};
	siginfo_t si;

	sigprocmask(SIG_SETMASK, &set, NULL);
	kill(getpid(), SIGUSR1);
	TAKEN("kill", stw(&set, &si, &zero), &si);
	syscall(SYS_tgkill, getpid(), sys_gettid(), SIGUSR1);
	TAKEN("tgkill", stw(&set, &si, &zero), &si);
	raise(SIGUSR1);
	TAKEN("raise", stw(&set, &si, &zero), &si);
	sigqueue(getpid(), SIGRTMIN, v);
	TAKEN("sigqueue", stw(&set, &si, &zero), &si);
	TAKEN("nothing left", stw(&set, &si, &zero), &si);
	printf("mask after: %s\n", cur_mask());
	return 0;
}

static int sc_sigtimedwait_errors(void)
{
	sigset_t set = set_of(SIGUSR1, 0, 0), killstop = set_of(SIGKILL, SIGSTOP, 0);
	struct timespec zero = {0, 0}, t20 = {0, 20000000}, bad = {0, 2000000000};
	struct timespec neg = {-1, 0};
	void *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	siginfo_t si;
	long r;

	if (none == MAP_FAILED)
		die("mmap: %m");
	sigprocmask(SIG_SETMASK, &set, NULL);
	TAKEN("zero timeout, nothing pending", stw(&set, &si, &zero), NULL);
	TAKEN("20 ms, nothing pending", stw(&set, &si, &t20), NULL);
	TAKEN("SIGKILL+SIGSTOP only, 20 ms", stw(&killstop, &si, &t20), NULL);
	TAKEN("tv_nsec 2e9", stw(&set, &si, &bad), NULL);
	TAKEN("tv_sec -1", stw(&set, &si, &neg), NULL);
	errno = 0;
	r = syscall(SYS_rt_sigtimedwait, &set, &si, &t20, 4);
	show_taken("sigsetsize 4", r, errno, NULL);
	TAKEN("set PROT_NONE", syscall(SYS_rt_sigtimedwait, none, &si, &t20, 8), NULL);
	TAKEN("timeout PROT_NONE", stw(&set, &si, none), NULL);
	raise(SIGUSR1);
	TAKEN("pending, tv_nsec 2e9", stw(&set, &si, &bad), NULL);
	printf("  still pending: %s\n", pending_str());
	TAKEN("pending, NULL info", stw(&set, NULL, &zero), NULL);
	raise(SIGUSR1);
	TAKEN("pending, info PROT_NONE", stw(&set, none, &zero), NULL);
	printf("  still pending: %s\n", pending_str());
	raise(SIGUSR1);
	TAKEN("pending, NULL timeout", stw(&set, &si, NULL), &si);
	return 0;
}

/* The signal arrives during the call, with a bad info pointer: consumed, EFAULT. */
static int sc_sigtimedwait_efault(void)
{
	sigset_t set = set_of(SIGUSR1, 0, 0);
	struct timespec ts = {LONG_MS / 1000, 0};
	void *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long r;
	int err;

	if (none == MAP_FAILED)
		die("mmap: %m");
	handle(SIGUSR1, 0, 0);
	sigprocmask(SIG_SETMASK, &set, NULL);
	start_watcher(SIGUSR1);
	r = stw(&set, none, &ts);
	err = errno;
	stop_watcher();
	show_taken("info PROT_NONE, signal during the call", r, err, NULL);
	printf("pending after: %s\n", pending_str());
	set_mask(0, 0, 0);
	show_handlers();
	return 0;
}

static int sc_sigtimedwait_unblocked(void)
{
	sigset_t set = set_of(SIGUSR1, 0, 0);
	struct timespec ts = {LONG_MS / 1000, 0};
	siginfo_t si;
	long r;
	int err;

	handle(SIGUSR1, 0, 0);
	set_mask(SIGUSR2, 0, 0);
	start_watcher(SIGUSR1);
	r = stw(&set, &si, &ts);
	err = errno;
	stop_watcher();
	show_taken("unblocked SIGUSR1 with a handler, during the call", r, err, &si);
	show_handlers();
	printf("mask after: %s\n", cur_mask());
	return 0;
}

static int sc_sigtimedwait_live(void)
{
	int sig = the_sig();
	sigset_t set = set_of(sig, 0, 0);
	struct timespec ts = {LONG_MS / 1000, 0};
	siginfo_t si;
	long r;
	int err;

	handle(sig, 0, 0);
	set_mask(sig, SIGUSR2, 0);
	start_watcher(sig);
	r = stw(&set, &si, &ts);
	err = errno;
	stop_watcher();
	show_taken("blocked, during the call", r, err, &si);
	if (linger_ms > 0)
		sleep_ms(linger_ms);
	printf("pending after: %s\n", pending_str());
	printf("mask after: %s\n", cur_mask());
	set_mask(0, 0, 0);
	show_handlers();
	return 0;
}

/* In a child: wait until the parent's state is one of states. */
static void child_wait_state(pid_t pid, const char *states)
{
	int64_t deadline = mono_ns() + LONG_MS * NS_PER_MS;

	while (!strchr(states, proc_state(pid))) {
		if (mono_ns() > deadline)
			_exit(96);
		sleep_ms(1);
	}
}

/* Forks a helper child running fn(parent) after it reads a byte from *go. */
static pid_t fork_helper(void (*fn)(pid_t parent), int *go)
{
	int p[2];
	char b;

	if (pipe2(p, O_CLOEXEC) < 0)
		die("pipe: %m");
	fflush(stdout);
	child = fork();
	if (child < 0)
		die("fork: %m");
	if (child == 0) {
		close(p[1]);
		if (read(p[0], &b, 1) != 1)
			_exit(98);
		fn(getppid());
		_exit(0);
	}
	close(p[0]);
	*go = p[1];
	return child;
}

static void go(int fd)
{
	if (write(fd, "g", 1) != 1)
		die("write: %m");
}

static const char *reap(pid_t pid)
{
	static char buf[64];
	int st;
	pid_t r;

	while ((r = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
		;
	if (r != pid)
		snprintf(buf, sizeof(buf), "waitpid %s", errno_name(errno));
	else if (WIFSIGNALED(st))
		snprintf(buf, sizeof(buf), "killed by %s", sig_name(WTERMSIG(st)));
	else
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(st));
	return buf;
}

static void child_kill_and_queue(pid_t parent)
{
	child_wait_state(parent, "S");
	kill(parent, SIGUSR1);
	for (int i = 1; i <= 3; i++) {
		union sigval v = {.sival_int = i * 10};

		sigqueue(parent, SIGRTMIN + 1, v);
	}
}

static int sc_sigtimedwait_child(void)
{
	sigset_t set = set_of(SIGUSR1, SIGRTMIN + 1, 0);
	struct timespec ts = {LONG_MS / 1000, 0};
	siginfo_t si;
	int g;
	pid_t pid;

	sigprocmask(SIG_SETMASK, &set, NULL);
	pid = fork_helper(child_kill_and_queue, &g);
	go(g);
	for (int i = 0; i < 4; i++) {
		long r = stw(&set, &si, &ts);

		show_taken("from the child", r, errno, &si);
	}
	printf("child: %s\n", reap(pid));
	return 0;
}

static void child_mixture(pid_t parent)
{
	union sigval v;

	v.sival_int = 1;
	sigqueue(parent, SIGRTMIN + 2, v);
	v.sival_int = 2;
	sigqueue(parent, SIGRTMIN + 1, v);
	v.sival_int = 3;
	sigqueue(parent, SIGUSR2, v);
	v.sival_int = 4;
	sigqueue(parent, SIGUSR2, v);
	v.sival_int = 5;
	sigqueue(parent, SIGRTMIN + 1, v);
	kill(parent, SIGRTMIN + 2);
	kill(parent, SIGHUP);
}

static int sc_rt_order(void)
{
	sigset_t set = set_of(SIGUSR2, SIGRTMIN + 1, SIGRTMIN + 2);
	struct timespec zero = {0, 0};
	siginfo_t si;
	long r;
	int g;
	pid_t pid;

	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_SETMASK, &set, NULL);
	pid = fork_helper(child_mixture, &g);
	go(g);
	/* Once the child is gone, all of them are pending. */
	printf("child: %s\n", reap(pid));
	printf("pending: %s\n", pending_str());
	while ((r = stw(&set, &si, &zero)) > 0)
		show_taken("dequeued", r, errno, &si);
	show_taken("then", r, errno, &si);
	return 0;
}

static void child_stops_then_exits(pid_t parent)
{
	(void)parent;
	raise(SIGSTOP);
	/* Continued: exit only once the parent took CLD_CONTINUED. */
}

static int sc_sigchld(void)
{
	sigset_t set = set_of(SIGCHLD, 0, 0);
	struct timespec ts = {LONG_MS / 1000, 0};
	siginfo_t si;
	int g, p[2];
	pid_t pid;
	char b;

	sigprocmask(SIG_SETMASK, &set, NULL);
	if (pipe2(p, O_CLOEXEC) < 0)
		die("pipe: %m");
	fflush(stdout);
	pid = child = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		child_stops_then_exits(getppid());
		close(p[1]);
		if (read(p[0], &b, 1) != 1)
			_exit(98);
		_exit(5);
	}
	close(p[0]);
	TAKEN("child stopped", stw(&set, &si, &ts), &si);
	kill(pid, SIGCONT);
	TAKEN("child continued", stw(&set, &si, &ts), &si);
	go(p[1]);
	TAKEN("child exited", stw(&set, &si, &ts), &si);
	printf("child: %s\n", reap(pid));

	pid = fork_helper(child_stops_then_exits, &g);
	kill(pid, SIGTERM);
	TAKEN("child killed", stw(&set, &si, &ts), &si);
	printf("child: %s\n", reap(pid));
	close(g);
	return 0;
}

/* ---- stop and continue ---- */

/* The helper: parent asleep, SIGSTOP, parent stopped, SIGCONT. */
static void child_stop_cont(pid_t parent)
{
	child_wait_state(parent, "S");
	kill(parent, SIGSTOP);
	child_wait_state(parent, "Tt");
	kill(parent, SIGCONT);
}

/* Then, for pause and sigsuspend, a handled SIGUSR1 once it sleeps again. */
static void child_stop_cont_kick(pid_t parent)
{
	child_stop_cont(parent);
	child_wait_state(parent, "S");
	kill(parent, SIGUSR1);
}

/* A SIGCONT alone, then SIGUSR1 once the parent sleeps again. */
static void child_cont_kick(pid_t parent)
{
	child_wait_state(parent, "S");
	kill(parent, SIGCONT);
	child_wait_state(parent, "S");
	kill(parent, SIGUSR1);
}

static int stop_run(const char *call, void (*helper)(pid_t))
{
	struct timespec ts = {LONG_MS / 1000, 0};
	sigset_t set, callmask;
	siginfo_t si;
	long r;
	int err, g, h;
	pid_t pid;

	handle(SIGUSR1, 0, 0);
	if (!strcmp(call, "sigtimedwait") || !strcmp(call, "sigtimedwait_cont"))
		set_mask(SIGUSR1, SIGUSR2, 0);
	else
		set_mask(SIGUSR2, 0, 0);
	pid = fork_helper(helper, &g);
	go(g);
	errno = 0;
	if (!strcmp(call, "sigtimedwait")) {
		/* SIGUSR2 never comes. */
		set = set_of(SIGUSR2, 0, 0);
		r = stw(&set, &si, &ts);
	} else if (!strcmp(call, "sigtimedwait_cont")) {
		set = set_of(SIGUSR1, 0, 0);
		r = stw(&set, &si, &ts);
	} else if (!strcmp(call, "sigsuspend")) {
		callmask = set_of(SIGUSR2, SIGTERM, 0);
		r = syscall(SYS_rt_sigsuspend, &callmask, 8);
	} else {
		r = pause();
	}
	err = errno;
	/* What the call saw, before the helper's kick could come late. */
	h = atomic_load(&nrec);
	show_taken(call, r, err, r > 0 ? &si : NULL);
	printf("handled during the call: %d\n", h);
	printf("child: %s\n", reap(pid));
	show_handlers();
	printf("mask after: %s\n", cur_mask());
	return 0;
}

static int sc_stop(const char *name)
{
	if (!strncmp(name, "stop_sigtimedwait", 17))
		return stop_run("sigtimedwait", child_stop_cont);
	if (!strncmp(name, "stop_pause", 10))
		return stop_run("pause", child_stop_cont_kick);
	if (!strncmp(name, "stop_sigsuspend", 15))
		return stop_run("sigsuspend", child_stop_cont_kick);
	if (!strcmp(name, "cont_sigtimedwait"))
		return stop_run("sigtimedwait_cont", child_cont_kick);
	if (!strcmp(name, "cont_pause"))
		return stop_run("pause", child_cont_kick);
	die("unknown scenario %s", name);
}

/* A stop_* scenario in a subprocess: the stopped process is not the guest's first. */
static int sc_stop_sub(const char *name)
{
	char base[64];
	pid_t pid;
	size_t len = strlen(name) - 4;

	if (len >= sizeof(base))
		die("name too long");
	memcpy(base, name, len);
	base[len] = '\0';
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		int r = sc_stop(base);

		fflush(stdout);
		_exit(r);
	}
	printf("subprocess: %s\n", reap(pid));
	return 0;
}

/* ---- threads ---- */

struct tw {
	pthread_t th;
	pid_t tid;
	int sig;
	bool timed;
	long ret;
	int err;
	siginfo_t si;
	int armed[2];
};

static void *tw_main(void *arg)
{
	struct tw *w = arg;
	sigset_t set = set_of(w->sig, 0, 0);
	struct timespec ts = {0, SHORT_MS * 1000000L};

	w->tid = sys_gettid();
	if (write(w->armed[1], "a", 1) != 1)
		die("write: %m");
	errno = 0;
	w->ret = stw(&set, &w->si, w->timed ? &ts : NULL);
	w->err = errno;
	return NULL;
}

static void tw_start(struct tw *w, int sig, bool timed)
{
	char b;

	w->sig = sig;
	w->timed = timed;
	if (pipe2(w->armed, O_CLOEXEC) < 0)
		die("pipe: %m");
	if (pthread_create(&w->th, NULL, tw_main, w))
		die("pthread_create");
	if (read(w->armed[0], &b, 1) != 1)
		die("read: %m");
}

static int sc_threads(void)
{
	struct tw b, c;
	int sig = the_sig();

	/* Blocked everywhere, inherited by both threads. */
	set_mask(sig, SIGUSR2, 0);
	tw_start(&b, sig, false);
	tw_start(&c, SIGUSR2, false);
	wait_sleeping(b.tid, NULL);
	wait_sleeping(c.tid, NULL);
	if (ext) {
		printf("READY\n");
		fflush(stdout);
	} else {
		kill(getpid(), sig);
	}
	pthread_join(b.th, NULL);
	kill(getpid(), SIGUSR2);
	pthread_join(c.th, NULL);
	show_taken("thread B, sigwaitinfo", b.ret, b.err, &b.si);
	show_taken("thread C, sigwaitinfo", c.ret, c.err, &c.si);
	if (linger_ms > 0)
		sleep_ms(linger_ms);
	printf("pending after: %s\n", pending_str());
	return 0;
}

static struct tw hb;

static void *threads_sender(void *arg)
{
	(void)arg;
	wait_sleeping(main_tid, NULL);
	wait_sleeping(hb.tid, NULL);
	kill(getpid(), SIGUSR1);
	return NULL;
}

static int sc_threads_handler(void)
{
	struct pollfd p = {.fd = selfpipe[0], .events = POLLIN};
	sigset_t all, old;
	pthread_t sender;

	handle(SIGUSR1, 0, 0);
	/* B blocks USR1 and waits for it (timed); main leaves it unblocked. */
	set_mask(SIGUSR1, 0, 0);
	tw_start(&hb, SIGUSR1, true);
	set_mask(0, 0, 0);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&sender, NULL, threads_sender, NULL))
		die("pthread_create");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	/* Main sleeps here until the handler has run. */
	while (poll(&p, 1, LONG_MS) < 0 && errno == EINTR)
		;
	pthread_join(sender, NULL);
	pthread_join(hb.th, NULL);
	printf("handler ran in main: %s\n", atomic_load(&nrec) == 1 ? "yes" : "no");
	show_taken("thread B, sigtimedwait", hb.ret, hb.err, &hb.si);
	printf("pending after: %s\n", pending_str());
	return 0;
}

/* ---- main ---- */

static const struct {
	const char *name;
	int (*fn)(void);
	bool ext_ok;
} scenarios[] = {
    {"sigsuspend_pending", sc_sigsuspend_pending, true},
    {"sigsuspend_nodefer", sc_sigsuspend_nodefer, false},
    {"sigsuspend_later", sc_sigsuspend_later, true},
    {"sigsuspend_two", sc_sigsuspend_two, false},
    {"pause_handler", sc_pause_handler, true},
    {"sigtimedwait_self", sc_sigtimedwait_self, false},
    {"sigtimedwait_errors", sc_sigtimedwait_errors, false},
    {"sigtimedwait_efault", sc_sigtimedwait_efault, false},
    {"sigtimedwait_unblocked", sc_sigtimedwait_unblocked, false},
    {"sigtimedwait_live", sc_sigtimedwait_live, true},
    {"sigtimedwait_child", sc_sigtimedwait_child, false},
    {"rt_order", sc_rt_order, false},
    {"sigchld", sc_sigchld, false},
    {"threads", sc_threads, true},
    {"threads_handler", sc_threads_handler, false},
};

int main(int argc, char **argv)
{
	const char *env = getenv("SIGDRIVER_PID");
	const char *name;
	int opt;

	while ((opt = getopt(argc, argv, "+xl:")) != -1) {
		if (opt == 'x')
			ext = true;
		else if (opt == 'l')
			linger_ms = atoi(optarg);
		else
			exit(2);
	}
	if (optind != argc - 1)
		die("usage: sigwaits [-x] [-l MS] SCENARIO");
	name = argv[optind];
	driver = env ? atoi(env) : 0;
	main_tid = sys_gettid();
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (pipe2(selfpipe, O_CLOEXEC) < 0)
		die("pipe: %m");
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		if (strcmp(name, scenarios[i].name))
			continue;
		if (ext && !scenarios[i].ext_ok)
			die("%s has no -x variant", name);
		return scenarios[i].fn();
	}
	if (ext)
		die("%s has no -x variant", name);
	if (!strncmp(name, "stop_", 5) && strlen(name) > 4 &&
	    !strcmp(name + strlen(name) - 4, "_sub"))
		return sc_stop_sub(name);
	if (!strncmp(name, "stop_", 5) || !strncmp(name, "cont_", 5))
		return sc_stop(name);
	die("unknown scenario %s", name);
}
