// SPDX-License-Identifier: MIT
/*
 * sigcall [-s SIG] [-f FROM] [-l MS] [-t MS] CALL DISP
 *
 * Blocks in one system call, CALL, while the signal SIG (default
 * SIGINT) arrives with disposition DISP, then prints one line: what the
 * call returned, how often the handler ran and with which siginfo, and
 * facts particular to the call (the remaining time nanosleep wrote,
 * whether select updated its timeout, ...).  The line holds no pids and
 * no timings, so a run under ptsandbox must print exactly what a native
 * run prints.  signal(7) is the specification; the native run is the
 * oracle.
 *
 * DISP: handler (no SA_RESTART), restart (SA_RESTART), ignore (SIG_IGN),
 * default (SIG_DFL), blocked (a handler, but SIG blocked during the call;
 * afterwards the line says whether SIG was pending, then SIG is unblocked
 * and the line says how often the handler ran).  For the *_mask calls
 * and sigsuspend "blocked" means blocked by the call's own mask; the
 * other dispositions block SIG in the thread and let the call's mask
 * unblock it, the way these calls are meant to be used.
 *
 * FROM, where SIG comes from:
 *   ext     another process: "READY" is printed once the call blocks,
 *           and sigdriver sends SIG when it reads that line
 *   kill    kill(getpid()) from another thread (which blocks SIG)
 *   tgkill  tgkill() at the main thread from another thread
 *   raise   raise() in the main thread just before the call (for calls
 *           that find SIG pending: the *_mask calls, sigsuspend,
 *           sigtimedwait, or with DISP blocked)
 *   alarm   alarm(1) (SIG is SIGALRM)
 *   itimer  setitimer(ITIMER_REAL, 20 ms) (SIGALRM)
 *   timer   timer_create(CLOCK_MONOTONIC) firing after 20 ms (SIGALRM)
 *   child   a child process exits (SIGCHLD)
 *
 * Nothing sleeps to let a signal "arrive in time": a watcher thread
 * waits until the main thread sleeps in the kernel before it sends or
 * announces the signal, and a call that the signal must not end is
 * completed by the watcher once the signal was handled or is pending.
 * Only for an ignored signal, which leaves no trace, does the watcher
 * wait a fixed SHORT_MS; timed calls that nothing should interrupt time
 * out after SHORT_MS, and calls that something should interrupt give up
 * after LONG_MS, which only happens when ptsandbox is broken.
 *
 * -l MS waits that long after the call before counting handler calls,
 * to let a duplicate delivery show.  -t MS replaces SHORT_MS, for
 * signals whose effect shows only if they arrive before the timeout
 * (a stop and continue: nanosleep writes *rem, epoll_wait fails).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

/* Ends pause and sigsuspend when SIG must not. */
#define KICK (SIGRTMIN + 1)
/* Awaited by sigtimedwait_other, never sent. */
#define OTHER	     (SIGRTMIN + 2)
#define CHILD_STATUS 7
#define BUSY_CAP     (1ull << 34)

enum disp { D_HANDLER, D_RESTART, D_IGNORE, D_DEFAULT, D_BLOCKED };
static const char *const disp_names[] = {"handler", "restart", "ignore", "default", "blocked"};

enum from { F_EXT, F_KILL, F_TGKILL, F_RAISE, F_ALARM, F_ITIMER, F_TIMER, F_CHILD };
static const char *const from_names[] = {"ext",	  "kill",   "tgkill", "raise",
					 "alarm", "itimer", "timer",  "child"};

/* What SIG will do to the call. */
enum expect {
	E_HANDLED,   /* a handler runs */
	E_PENDING,   /* blocked: stays pending */
	E_DISCARDED, /* ignored, explicitly or by default */
	E_FATAL,     /* the default action kills us */
	E_CONSUMED,  /* sigtimedwait takes it */
};

/* Call flags. */
#define C_MASK	    1 /* the call has a signal mask argument */
#define C_WAITS_SIG 2 /* the call dequeues SIG */
#define C_INTR_ONLY 4 /* only a signal ends it: no completion once handled */
#define C_BUSY	    8 /* no syscall at all */

struct call {
	const char *name;
	int flags;
	void (*setup)(void);
	long (*run)(void);
	/* From the watcher: make the call finish (NULL: it times out). */
	void (*complete)(void);
	void (*show_ret)(long ret);
	void (*facts)(void);
};

static struct {
	const struct call *call;
	int sig;
	enum disp disp;
	enum from from;
	int timeout_ms;
	int short_ms;
	int linger_ms;
	pid_t main_tid;
	pid_t driver;
	int pfd[2]; /* the pipe the poll family, read and write use */
	struct pollfd pollfd;
	int epfd;
	int lsock, csock;
	struct sockaddr_un addr;
	socklen_t addrlen;
	pid_t child; /* wait4, waitid */
	int child_go;
	bool reaped;
	pid_t src_child; /* FROM=child */
	int src_go;
	timer_t timer;
	int futex_word;
	struct timespec ts, ts_orig, rem;
	struct timeval tv, tv_orig;
	fd_set rfds;
	sigset_t callmask;
	siginfo_t info;
	int status;
	volatile int busy_stop;
	const char *busy_end;
	volatile int returned;
} c;

static atomic_int handled, kicks;
static volatile int last_code, last_pid, other_thread;
static int selfpipe[2], armpipe[2];

static const struct timespec REM_SENTINEL = {999, 999};

static void on_sig(int sig, siginfo_t *si, void *uc)
{
	int saved = errno;
	ssize_t unused;

	(void)sig;
	(void)uc;
	last_code = si->si_code;
	last_pid = si->si_pid;
	if (sys_gettid() != c.main_tid)
		other_thread = 1;
	atomic_fetch_add(&handled, 1);
	/* Tells the watcher a handler ran (write is async-signal-safe). */
	unused = write(selfpipe[1], "h", 1);
	(void)unused;
	errno = saved;
}

static void on_kick(int sig)
{
	(void)sig;
	atomic_fetch_add(&kicks, 1);
}

static struct timespec ms_to_ts(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

	return ts;
}

static int64_t ts_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

#define SLACK_NS 50000ll

/* How a timespec the kernel may have written compares with the original. */
static const char *ts_cat(const struct timespec *t, const struct timespec *orig)
{
	if (t->tv_sec == REM_SENTINEL.tv_sec && t->tv_nsec == REM_SENTINEL.tv_nsec)
		return "untouched";
	if (ts_ns(t) == ts_ns(orig))
		return "same";
	if (ts_ns(t) == 0)
		return "zero";
	/*
	 * A sleep's *rem counts to its timer's hard expiry, up to the timer
	 * slack (50 us by default) after the requested one: interrupted
	 * within the slack, *rem exceeds the request.  Whether it does
	 * depends only on timing, so that is still "less".
	 */
	return ts_ns(t) > 0 && ts_ns(t) <= ts_ns(orig) + SLACK_NS ? "less" : "more";
}

/* ---- the calls ---- */

static void setup_sleep(void)
{
	c.ts = c.ts_orig = ms_to_ts(c.timeout_ms);
	c.rem = REM_SENTINEL;
}

static void setup_abs(clockid_t clock)
{
	struct timespec now;

	setup_sleep();
	clock_gettime(clock, &now);
	c.ts.tv_sec += now.tv_sec;
	c.ts.tv_nsec += now.tv_nsec;
	if (c.ts.tv_nsec >= 1000000000) {
		c.ts.tv_sec++;
		c.ts.tv_nsec -= 1000000000;
	}
}

static void setup_abs_mono(void)
{
	setup_abs(CLOCK_MONOTONIC);
}

static void setup_abs_rt(void)
{
	setup_abs(CLOCK_REALTIME);
}

static long run_nanosleep(void)
{
	return syscall(SYS_nanosleep, &c.ts, &c.rem);
}

static long run_clock_nanosleep(void)
{
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &c.ts, &c.rem);
}

static long run_clock_nanosleep_abs(void)
{
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &c.ts, &c.rem);
}

static long run_clock_nanosleep_abs_rt(void)
{
	return syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &c.ts, &c.rem);
}

static void facts_rem(void)
{
	printf(" rem=%s", ts_cat(&c.rem, &c.ts_orig));
}

/* A pipe nobody writes to unless the watcher completes the call. */
static void setup_pipe(void)
{
	if (pipe2(c.pfd, O_CLOEXEC) < 0)
		die("pipe: %m");
	c.pollfd.fd = c.pfd[0];
	c.pollfd.events = POLLIN;
	/* poll writes revents back even when interrupted: show it does. */
	c.pollfd.revents = 0x7f;
	FD_ZERO(&c.rfds);
	FD_SET(c.pfd[0], &c.rfds);
	c.ts = c.ts_orig = ms_to_ts(c.timeout_ms);
	c.tv.tv_sec = c.timeout_ms / 1000;
	c.tv.tv_usec = (c.timeout_ms % 1000) * 1000;
	c.tv_orig = c.tv;
}

static void setup_epoll(void)
{
	struct epoll_event ev = {.events = EPOLLIN};

	setup_pipe();
	c.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (c.epfd < 0 || epoll_ctl(c.epfd, EPOLL_CTL_ADD, c.pfd[0], &ev) < 0)
		die("epoll: %m");
}

static long run_poll(void)
{
#ifdef SYS_poll
	return syscall(SYS_poll, &c.pollfd, 1, c.timeout_ms);
#else
	return syscall(SYS_ppoll, &c.pollfd, 1, &c.ts, NULL, 8);
#endif
}

static long run_ppoll(void)
{
	return syscall(SYS_ppoll, &c.pollfd, 1, &c.ts, NULL, 8);
}

static long run_ppoll_mask(void)
{
	return syscall(SYS_ppoll, &c.pollfd, 1, &c.ts, &c.callmask, 8);
}

static void facts_revents(void)
{
	printf(" revents=%#x", (unsigned)c.pollfd.revents);
}

static void facts_ppoll(void)
{
	facts_revents();
	printf(" timeout=%s", ts_cat(&c.ts, &c.ts_orig));
}

static long run_select(void)
{
#ifdef SYS_select
	return syscall(SYS_select, c.pfd[0] + 1, &c.rfds, NULL, NULL, &c.tv);
#else
	return syscall(SYS_pselect6, c.pfd[0] + 1, &c.rfds, NULL, NULL, &c.ts, NULL);
#endif
}

static long pselect6(const sigset_t *mask)
{
	struct {
		const sigset_t *ss;
		size_t len;
	} data = {mask, 8};

	return syscall(SYS_pselect6, c.pfd[0] + 1, &c.rfds, NULL, NULL, &c.ts, &data);
}

static long run_pselect6(void)
{
	return pselect6(NULL);
}

static long run_pselect6_mask(void)
{
	return pselect6(&c.callmask);
}

static const char *rfds_cat(void)
{
	return FD_ISSET(c.pfd[0], &c.rfds) ? "set" : "clear";
}

static void facts_select(void)
{
	struct timespec tv = {c.tv.tv_sec, c.tv.tv_usec * 1000};
	struct timespec orig = {c.tv_orig.tv_sec, c.tv_orig.tv_usec * 1000};

	printf(" timeout=%s rfds=%s", ts_cat(&tv, &orig), rfds_cat());
}

static void facts_pselect6(void)
{
	printf(" timeout=%s rfds=%s", ts_cat(&c.ts, &c.ts_orig), rfds_cat());
}

static long run_epoll_wait(void)
{
	struct epoll_event evs[4];

#ifdef SYS_epoll_wait
	return syscall(SYS_epoll_wait, c.epfd, evs, 4, c.timeout_ms);
#else
	return syscall(SYS_epoll_pwait, c.epfd, evs, 4, c.timeout_ms, NULL, 8);
#endif
}

static long run_epoll_pwait(void)
{
	struct epoll_event evs[4];

	return syscall(SYS_epoll_pwait, c.epfd, evs, 4, c.timeout_ms, NULL, 8);
}

static long run_epoll_pwait_mask(void)
{
	struct epoll_event evs[4];

	return syscall(SYS_epoll_pwait, c.epfd, evs, 4, c.timeout_ms, &c.callmask, 8);
}

static long run_epoll_pwait2(void)
{
	struct epoll_event evs[4];

	return syscall(SYS_epoll_pwait2, c.epfd, evs, 4, &c.ts, NULL, 8);
}

static void facts_timeout(void)
{
	printf(" timeout=%s", ts_cat(&c.ts, &c.ts_orig));
}

static void kick_main(void)
{
	if (syscall(SYS_tgkill, getpid(), c.main_tid, KICK) < 0)
		die("tgkill: %m");
}

static long run_pause(void)
{
#ifdef SYS_pause
	return syscall(SYS_pause);
#else
	sigset_t now;

	sigprocmask(SIG_SETMASK, NULL, &now);
	return syscall(SYS_rt_sigsuspend, &now, 8);
#endif
}

static long run_sigsuspend(void)
{
	return syscall(SYS_rt_sigsuspend, &c.callmask, 8);
}

static void setup_sigtimedwait(void)
{
	c.ts = c.ts_orig = ms_to_ts(c.timeout_ms);
}

static long run_sigtimedwait(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, c.sig);
	return syscall(SYS_rt_sigtimedwait, &set, &c.info, &c.ts, 8);
}

static long run_sigtimedwait_other(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, OTHER);
	return syscall(SYS_rt_sigtimedwait, &set, &c.info, &c.ts, 8);
}

static void show_sig(long ret)
{
	printf(" ret=%s", sig_name((int)ret));
}

static const char *sender(pid_t pid, int code);

static void facts_siginfo(void)
{
	printf(" si_code=%s from=%s", code_name(c.sig, c.info.si_code),
	       sender(c.info.si_pid, c.info.si_code));
}

static long run_read(void)
{
	char buf[16];

	return syscall(SYS_read, c.pfd[0], buf, sizeof(buf));
}

static void complete_read(void)
{
	if (write(c.pfd[1], "x", 1) != 1)
		die("write: %m");
}

/* A one-page pipe, full: a 1-byte write blocks until a page is read. */
static void setup_full_pipe(void)
{
	static char page[4096];

	setup_pipe();
	fcntl(c.pfd[1], F_SETPIPE_SZ, (int)sizeof(page));
	fcntl(c.pfd[1], F_SETFL, O_NONBLOCK);
	while (write(c.pfd[1], page, sizeof(page)) > 0)
		;
	if (errno != EAGAIN)
		die("filling the pipe: %m");
	fcntl(c.pfd[1], F_SETFL, 0);
}

static long run_write(void)
{
	return syscall(SYS_write, c.pfd[1], "y", 1);
}

static void complete_write(void)
{
	char page[4096];

	if (read(c.pfd[0], page, sizeof(page)) != sizeof(page))
		die("draining the pipe: %m");
}

static void setup_accept(void)
{
	c.lsock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	c.csock = -1;
	c.addr.sun_family = AF_UNIX;
	/* Autobind: the kernel picks a unique abstract name. */
	if (c.lsock < 0 || bind(c.lsock, (struct sockaddr *)&c.addr, sizeof(sa_family_t)) < 0 ||
	    listen(c.lsock, 4) < 0)
		die("socket: %m");
	c.addrlen = sizeof(c.addr);
	if (getsockname(c.lsock, (struct sockaddr *)&c.addr, &c.addrlen) < 0)
		die("getsockname: %m");
}

static long run_accept(void)
{
	return syscall(SYS_accept, c.lsock, NULL, NULL);
}

static void complete_accept(void)
{
	c.csock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c.csock < 0 || connect(c.csock, (struct sockaddr *)&c.addr, c.addrlen) < 0)
		die("connect: %m");
}

static void show_fd(long ret)
{
	(void)ret;
	printf(" ret=fd");
}

/* Waits like a mutex does: until the word changes, or EINTR. */
static long run_futex(void)
{
	while (!__atomic_load_n(&c.futex_word, __ATOMIC_SEQ_CST)) {
		long r = syscall(SYS_futex, &c.futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);

		if (r < 0 && errno == EINTR)
			return r;
	}
	return 0;
}

static void complete_futex(void)
{
	__atomic_store_n(&c.futex_word, 1, __ATOMIC_SEQ_CST);
	syscall(SYS_futex, &c.futex_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static long run_futex_timed(void)
{
	return syscall(SYS_futex, &c.futex_word, FUTEX_WAIT_PRIVATE, 0, &c.ts, NULL, 0);
}

/*
 * A child that exits with CHILD_STATUS once *go is written to (or
 * closed).  A kill(-pgrp) reaches it too: it ignores sig so that only
 * its parent's outcome is under test.
 */
static pid_t spawn_child(int *go)
{
	int gop[2], ready[2];
	pid_t pid;
	char b;

	if (pipe2(gop, O_CLOEXEC) < 0 || pipe2(ready, O_CLOEXEC) < 0)
		die("pipe: %m");
	pid = fork();
	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		signal(c.sig, SIG_IGN);
		close(gop[1]);
		if (write(ready[1], "r", 1) != 1 || read(gop[0], &b, 1) < 0)
			_exit(98);
		_exit(CHILD_STATUS);
	}
	close(gop[0]);
	close(ready[1]);
	if (read(ready[0], &b, 1) != 1)
		die("child did not start");
	close(ready[0]);
	*go = gop[1];
	return pid;
}

static void setup_child(void)
{
	c.child = spawn_child(&c.child_go);
}

static long run_wait4(void)
{
	long r = syscall(SYS_wait4, c.child, &c.status, 0, NULL);

	c.reaped = r == c.child;
	return r;
}

static long run_waitid(void)
{
	long r = syscall(SYS_waitid, P_PID, c.child, &c.info, WEXITED, NULL);

	c.reaped = r == 0;
	return r;
}

static void complete_child(void)
{
	if (write(c.child_go, "x", 1) != 1)
		die("write: %m");
}

static void show_child(long ret)
{
	printf(" ret=%s", ret == c.child ? "child" : "?");
}

static void facts_wait4(void)
{
	if (c.reaped)
		printf(" status=%s%d", WIFEXITED(c.status) ? "exit" : "?", WEXITSTATUS(c.status));
}

static void facts_waitid(void)
{
	if (c.reaped)
		printf(" si_code=%s si_status=%d", code_name(SIGCHLD, c.info.si_code),
		       c.info.si_status);
}

/* No syscall at all: only the handler's flag or the watcher ends it. */
static long run_busy(void)
{
	unsigned long long i = 0;

	while (!atomic_load_explicit(&handled, memory_order_relaxed) && !c.busy_stop &&
	       i < BUSY_CAP)
		i++;
	c.busy_end = atomic_load(&handled) ? "signal" : c.busy_stop ? "stop" : "cap";
	return 0;
}

static void complete_busy(void)
{
	c.busy_stop = 1;
}

static void facts_busy(void)
{
	printf(" end=%s", c.busy_end);
}

static const struct call calls[] = {
    {"nanosleep", 0, setup_sleep, run_nanosleep, NULL, NULL, facts_rem},
    {"clock_nanosleep", 0, setup_sleep, run_clock_nanosleep, NULL, NULL, facts_rem},
    {"clock_nanosleep_abs", 0, setup_abs_mono, run_clock_nanosleep_abs, NULL, NULL, facts_rem},
    {"clock_nanosleep_abs_rt", 0, setup_abs_rt, run_clock_nanosleep_abs_rt, NULL, NULL, facts_rem},
    {"poll", 0, setup_pipe, run_poll, NULL, NULL, facts_revents},
    {"ppoll", 0, setup_pipe, run_ppoll, NULL, NULL, facts_ppoll},
    {"ppoll_mask", C_MASK, setup_pipe, run_ppoll_mask, NULL, NULL, facts_ppoll},
    {"select", 0, setup_pipe, run_select, NULL, NULL, facts_select},
    {"pselect6", 0, setup_pipe, run_pselect6, NULL, NULL, facts_pselect6},
    {"pselect6_mask", C_MASK, setup_pipe, run_pselect6_mask, NULL, NULL, facts_pselect6},
    {"epoll_wait", 0, setup_epoll, run_epoll_wait, NULL, NULL, NULL},
    {"epoll_pwait", 0, setup_epoll, run_epoll_pwait, NULL, NULL, NULL},
    {"epoll_pwait_mask", C_MASK, setup_epoll, run_epoll_pwait_mask, NULL, NULL, NULL},
    {"epoll_pwait2", 0, setup_epoll, run_epoll_pwait2, NULL, NULL, facts_timeout},
    {"pause", C_INTR_ONLY, NULL, run_pause, kick_main, NULL, NULL},
    {"sigsuspend", C_MASK | C_INTR_ONLY, NULL, run_sigsuspend, kick_main, NULL, NULL},
    {"sigtimedwait", C_WAITS_SIG, setup_sigtimedwait, run_sigtimedwait, NULL, show_sig,
     facts_siginfo},
    {"sigtimedwait_other", 0, setup_sigtimedwait, run_sigtimedwait_other, NULL, NULL, NULL},
    {"read", 0, setup_pipe, run_read, complete_read, NULL, NULL},
    {"write", 0, setup_full_pipe, run_write, complete_write, NULL, NULL},
    {"accept", 0, setup_accept, run_accept, complete_accept, show_fd, NULL},
    {"futex", 0, NULL, run_futex, complete_futex, NULL, NULL},
    {"futex_timed", 0, setup_sigtimedwait, run_futex_timed, NULL, NULL, NULL},
    {"wait4", 0, setup_child, run_wait4, complete_child, show_child, facts_wait4},
    {"waitid", 0, setup_child, run_waitid, complete_child, NULL, facts_waitid},
    {"busy", C_BUSY, NULL, run_busy, complete_busy, NULL, facts_busy},
};

#define NCALLS (sizeof(calls) / sizeof(calls[0]))

/* ---- the signal ---- */

static const char *sender(pid_t pid, int code)
{
	if (code == SI_KERNEL || code == SI_TIMER)
		return "kernel";
	if (pid == c.driver && pid > 0)
		return "driver";
	if (pid == getpid())
		return "self";
	if (pid == c.src_child && pid > 0)
		return "child";
	return "other";
}

static enum expect expectation(void)
{
	if (c.call->flags & C_WAITS_SIG)
		return E_CONSUMED;
	switch (c.disp) {
	case D_HANDLER:
	case D_RESTART:
		return E_HANDLED;
	case D_BLOCKED:
		return E_PENDING;
	case D_IGNORE:
		return E_DISCARDED;
	case D_DEFAULT:
		break;
	}
	return sig_default_kills(c.sig) ? E_FATAL : E_DISCARDED;
}

static void install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_kick;
	sigaction(KICK, &sa, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sig;
	sa.sa_flags = SA_SIGINFO;
	if (c.disp == D_RESTART)
		sa.sa_flags |= SA_RESTART;
	else if (c.disp == D_IGNORE)
		sa.sa_handler = SIG_IGN;
	else if (c.disp == D_DEFAULT)
		sa.sa_handler = SIG_DFL;
	/* SIGSTOP keeps its (only) disposition. */
	if (sigaction(c.sig, &sa, NULL) < 0 && !(c.sig == SIGSTOP && c.disp == D_DEFAULT))
		die("sigaction %s: %m", sig_name(c.sig));
}

/*
 * SIG is blocked in the thread for "blocked", except that the *_mask
 * calls block it with their own mask instead and, for every other
 * disposition, are entered with SIG blocked so that only their mask
 * lets it in.
 */
static void set_masks(void)
{
	bool uses_mask = c.call->flags & C_MASK;
	bool block = uses_mask ? c.disp != D_BLOCKED : c.disp == D_BLOCKED;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, OTHER);
	if (block || (c.call->flags & C_WAITS_SIG))
		sigaddset(&set, c.sig);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigprocmask(SIG_SETMASK, NULL, &c.callmask);
	sigdelset(&c.callmask, KICK);
	if (uses_mask && c.disp == D_BLOCKED)
		sigaddset(&c.callmask, c.sig);
	else if (uses_mask)
		sigdelset(&c.callmask, c.sig);
}

static void source_setup(void)
{
	struct sigevent sev = {.sigev_notify = SIGEV_SIGNAL};

	if (c.from == F_CHILD)
		c.src_child = spawn_child(&c.src_go);
	if (c.from == F_TIMER) {
		sev.sigev_signo = c.sig;
		if (timer_create(CLOCK_MONOTONIC, &sev, &c.timer) < 0)
			die("timer_create: %m");
	}
}

/* The watcher, once the main thread sleeps in the call: SIG comes now. */
static void trigger(void)
{
	struct itimerval it = {.it_value = {0, 20000}};
	struct itimerspec its = {.it_value = {0, 20000000}};

	switch (c.from) {
	case F_EXT:
		printf("READY\n");
		fflush(stdout);
		break;
	case F_KILL:
		kill(getpid(), c.sig);
		break;
	case F_TGKILL:
		syscall(SYS_tgkill, getpid(), c.main_tid, c.sig);
		break;
	case F_RAISE:
		break;
	case F_ALARM:
		alarm(1);
		break;
	case F_ITIMER:
		setitimer(ITIMER_REAL, &it, NULL);
		break;
	case F_TIMER:
		timer_settime(c.timer, 0, &its, NULL);
		break;
	case F_CHILD:
		if (write(c.src_go, "x", 1) != 1)
			die("write: %m");
		break;
	}
}

static void wait_handler_ran(void)
{
	struct pollfd p = {.fd = selfpipe[0], .events = POLLIN};

	if (poll(&p, 1, LONG_MS) != 1)
		die("the %s handler never ran", sig_name(c.sig));
}

static void wait_pending(void)
{
	int64_t deadline = mono_ns() + (int64_t)LONG_MS * 1000000;

	while (!sig_pending_in(c.main_tid, c.sig) && !atomic_load(&handled)) {
		if (mono_ns() > deadline)
			die("%s never became pending", sig_name(c.sig));
		sleep_ms(1);
	}
}

/* The watcher: a call SIG must not end still has to end, after SIG. */
static void complete_when_due(void)
{
	if (!c.call->complete)
		return;
	switch (expectation()) {
	case E_FATAL:
		sleep_ms(LONG_MS);
		die("not killed by %s", sig_name(c.sig));
	case E_CONSUMED:
		return;
	case E_HANDLED:
		if (c.call->flags & C_INTR_ONLY)
			return;
		wait_handler_ran();
		break;
	case E_PENDING:
		wait_pending();
		break;
	case E_DISCARDED:
		/*
		 * An ignored signal leaves no trace to wait for: give it
		 * the time to arrive (the outcome is the same if it is late).
		 */
		sleep_ms(c.short_ms);
		break;
	}
	c.call->complete();
}

static void *watcher(void *unused)
{
	char b;

	(void)unused;
	if (read(armpipe[0], &b, 1) != 1)
		die("arm: %m");
	if (!(c.call->flags & C_BUSY))
		wait_sleeping(c.main_tid, &c.returned);
	trigger();
	complete_when_due();
	return NULL;
}

static pthread_t start_watcher(void)
{
	sigset_t all, old;
	pthread_t th;

	/* The watcher blocks everything: SIG is for the main thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&th, NULL, watcher, NULL))
		die("pthread_create");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return th;
}

/* ---- after the call ---- */

static bool sig_pending_here(void)
{
	sigset_t set;

	sigpending(&set);
	return sigismember(&set, c.sig);
}

/* Waits until the blocked SIG is pending (or was handled: *_mask calls). */
static void settle_blocked(void)
{
	int64_t deadline = mono_ns() + (int64_t)LONG_MS * 1000000;

	while (!sig_pending_here() && !atomic_load(&handled) && mono_ns() < deadline)
		sleep_ms(1);
}

static void unblock_sig(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, c.sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void report_source_child(void)
{
	int st;
	pid_t r;

	if (c.from != F_CHILD)
		return;
	close(c.src_go);
	r = waitpid(c.src_child, &st, 0);
	if (r == c.src_child)
		printf(" source=exit%d", WEXITSTATUS(st));
	else
		printf(" source=%s", errno_name(errno));
}

static void report(long ret, int err, int h0, int pending, int h1)
{
	printf("%s %s %s from %s:", c.call->name, disp_names[c.disp], sig_name(c.sig),
	       from_names[c.from]);
	if (ret < 0)
		printf(" ret=-1 %s", errno_name(err));
	else if (c.call->show_ret)
		c.call->show_ret(ret);
	else
		printf(" ret=%ld", ret);
	printf(" handled=%d", h0);
	if (atomic_load(&handled))
		printf(" code=%s from=%s%s", code_name(c.sig, last_code),
		       sender(last_pid, last_code), other_thread ? " thread=other" : "");
	if (c.call->facts)
		c.call->facts();
	if (c.disp == D_BLOCKED)
		printf(" pending=%d then handled=%d", pending, h1);
	if (atomic_load(&kicks))
		printf(" kicked=%d", atomic_load(&kicks));
	report_source_child();
	printf("\n");
	fflush(stdout);
}

static void cleanup(void)
{
	int st;

	if (c.child > 0 && !c.reaped) {
		close(c.child_go);
		waitpid(c.child, &st, 0);
	}
}

/* ---- command line ---- */

static int lookup(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return i;
	die("unknown word %s", s);
}

static void parse(int argc, char **argv)
{
	const char *env = getenv("SIGDRIVER_PID");
	int opt;

	c.sig = SIGINT;
	c.short_ms = SHORT_MS;
	while ((opt = getopt(argc, argv, "+s:f:l:t:")) != -1) {
		if (opt == 's' && (c.sig = sig_parse(optarg)) < 0)
			die("unknown signal %s", optarg);
		else if (opt == 'f')
			c.from = lookup(optarg, from_names, 8);
		else if (opt == 'l')
			c.linger_ms = atoi(optarg);
		else if (opt == 't')
			c.short_ms = atoi(optarg);
		else if (opt == '?')
			exit(2);
	}
	if (argc - optind != 2)
		die("usage: sigcall [-s SIG] [-f FROM] [-l MS] [-t MS] CALL DISP");
	for (size_t i = 0; i < NCALLS; i++)
		if (!strcmp(argv[optind], calls[i].name))
			c.call = &calls[i];
	if (!c.call)
		die("unknown call %s", argv[optind]);
	c.disp = lookup(argv[optind + 1], disp_names, 5);
	c.driver = env ? atoi(env) : 0;
}

int main(int argc, char **argv)
{
	int h0 = 0, h1 = 0, pending = 0, err;
	pthread_t th;
	long ret;

	parse(argc, argv);
	c.main_tid = sys_gettid();
	c.timeout_ms =
	    expectation() == E_PENDING || expectation() == E_DISCARDED ? c.short_ms : LONG_MS;
	if (pipe2(selfpipe, O_CLOEXEC) < 0 || pipe2(armpipe, O_CLOEXEC) < 0)
		die("pipe: %m");
	/* Children first, while there is one thread and SIG is default. */
	if (c.call->setup)
		c.call->setup();
	source_setup();
	install();
	th = start_watcher();
	set_masks();
	if (c.from == F_RAISE)
		raise(c.sig);
	if (write(armpipe[1], "a", 1) != 1)
		die("arm: %m");
	errno = 0;
	ret = c.call->run();
	err = errno;
	c.returned = 1;
	if (c.disp == D_BLOCKED && !(c.call->flags & C_WAITS_SIG)) {
		settle_blocked();
		h0 = atomic_load(&handled);
		pending = sig_pending_here();
		unblock_sig();
	}
	if (c.linger_ms > 0)
		sleep_ms(c.linger_ms);
	if (c.disp == D_BLOCKED && !(c.call->flags & C_WAITS_SIG))
		h1 = atomic_load(&handled);
	else
		h0 = atomic_load(&handled);
	report(ret, err, h0, pending, h1);
	pthread_join(th, NULL);
	cleanup();
	return 0;
}
