// SPDX-License-Identifier: MIT
/*
 * Single-threaded: each blocking call the supervisor emulates, once
 * interrupted by a SIGALRM handler (no SA_RESTART, so no call is
 * restarted) and once completing by itself.  Its trace is compared
 * with strace's line by line (tests/e2e/trace_interrupted.sh): the
 * restart code each interrupted call shows is the kernel's.
 */
#include <errno.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_alarm(int sig)
{
	(void)sig;
}

/* SIGALRM in 30 ms, during the call that follows. */
static void arm(void)
{
	struct itimerval it = {{0, 0}, {0, 30000}};

	setitimer(ITIMER_REAL, &it, NULL);
}

static long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts, uint32_t bitset)
{
	return syscall(SYS_futex, uaddr, op, val, ts, NULL, bitset);
}

static void sleeps(void)
{
	struct timespec long_ts = {10, 0}, short_ts = {0, 1000000}, rem, abs;

	/* glibc's nanosleep() is clock_nanosleep: the call itself. */
	arm();
	syscall(SYS_nanosleep, &long_ts, &rem);
	syscall(SYS_nanosleep, &short_ts, NULL);
	arm();
	clock_nanosleep(CLOCK_MONOTONIC, 0, &long_ts, &rem);
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_sec += 10;
	arm();
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &short_ts, NULL);
}

static void polls(int rfd)
{
	struct pollfd p = {.fd = rfd, .events = POLLIN};
	struct timespec long_ts = {10, 0};
	struct timeval tv = {10, 0};
	fd_set set;

	arm();
	poll(&p, 1, 10000);
	arm();
	poll(&p, 1, -1);
	poll(&p, 1, 1);
	arm();
	ppoll(&p, 1, &long_ts, NULL);
	arm();
	ppoll(&p, 1, NULL, NULL);
	FD_ZERO(&set);
	FD_SET(rfd, &set);
	arm();
#ifdef SYS_select
	syscall(SYS_select, rfd + 1, &set, NULL, NULL, &tv);
#else
	select(rfd + 1, &set, NULL, NULL, &tv);
#endif
	FD_SET(rfd, &set);
	arm();
	select(rfd + 1, &set, NULL, NULL, NULL);
	FD_SET(rfd, &set);
	arm();
	pselect(rfd + 1, &set, NULL, NULL, &long_ts, NULL);
	tv.tv_sec = 0;
	tv.tv_usec = 1000;
	FD_SET(rfd, &set);
	select(rfd + 1, &set, NULL, NULL, &tv);
}

static void epolls(int rfd)
{
	struct epoll_event ev = {.events = EPOLLIN}, out;
	int ep = epoll_create1(0);

	epoll_ctl(ep, EPOLL_CTL_ADD, rfd, &ev);
	arm();
	epoll_wait(ep, &out, 1, 10000);
	arm();
	epoll_wait(ep, &out, 1, -1);
	arm();
	epoll_pwait(ep, &out, 1, -1, NULL);
	epoll_wait(ep, &out, 1, 1);
	close(ep);
}

static void futexes(void)
{
	static uint32_t word;
	struct timespec long_ts = {10, 0}, short_ts = {0, 1000000}, abs;

	arm();
	futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL, 0);
	arm();
	futex(&word, FUTEX_WAIT_PRIVATE, 0, &long_ts, 0);
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_sec += 10;
	arm();
	futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, FUTEX_BITSET_MATCH_ANY);
	arm();
	futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, FUTEX_BITSET_MATCH_ANY);
	futex(&word, FUTEX_WAIT_PRIVATE, 0, &short_ts, 0);
	futex(&word, FUTEX_WAIT_PRIVATE, 1, NULL, 0);
}

static void sigwaits(void)
{
	struct timespec long_ts = {10, 0};
	sigset_t none, usr1;

	sigemptyset(&none);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	arm();
	pause();
	arm();
	sigsuspend(&none);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	arm();
	sigtimedwait(&usr1, NULL, NULL);
	arm();
	sigtimedwait(&usr1, NULL, &long_ts);
	raise(SIGUSR1);
	sigtimedwait(&usr1, NULL, NULL);
}

/* A child that waits for its pipe to close: wait4/waitid block until then. */
static void waits(void)
{
	int p[2], status;
	sigset_t chld;
	siginfo_t si;
	pid_t pid;
	char c;

	if (pipe(p) < 0)
		exit(1);
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		while (read(p[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit(3);
	}
	close(p[0]);
	/* Blocked: no SIGCHLD line, whose place would depend on timing. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	arm();
	wait4(pid, &status, 0, NULL);
	arm();
	waitid(P_PID, (id_t)pid, &si, WEXITED);
	close(p[1]);
	wait4(pid, &status, 0, NULL);
}

/* "cpu": a child that used 3 ticks of user time; its SIGCHLD says so. */
static int cpu_child(void)
{
	struct tms t;
	pid_t pid = fork();

	if (pid == 0) {
		do
			times(&t);
		while (t.tms_utime < 3);
		_exit(0);
	}
	return waitpid(pid, NULL, 0) == pid ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int p[2];

	if (argc > 1 && !strcmp(argv[1], "cpu"))
		return cpu_child();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	if (pipe(p) < 0)
		return 1;
	sleeps();
	polls(p[0]);
	epolls(p[0]);
	futexes();
	sigwaits();
	waits();
	puts("done");
	return 0;
}
