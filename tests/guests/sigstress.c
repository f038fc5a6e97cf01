// SPDX-License-Identifier: MIT
/*
 * sigstress N
 *
 * Counts SIGINT handler calls while looping over the waits ptsandbox
 * emulates (nanosleep, poll, select, epoll_wait, ppoll, pselect6,
 * clock_nanosleep) and short busy spells without syscalls.  It prints
 * "READY" when it starts and once per handler call until N calls, so
 * that sigdriver --count N sends each signal only after the previous
 * one was handled: every one of the N signals must run the handler
 * exactly once.  At the end it waits a little for a late duplicate and
 * prints "handled=COUNT".  A lost signal is a hang (each wait times out
 * after WAIT_MS and the loop goes on, so the count stays short).
 *
 * On stderr: how many waits ended by EINTR and by timeout; not compared.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

#define WAIT_MS 100
#define NKINDS 8
#define BUSY_SPELL 200000

static atomic_int handled;
static int pfd[2], epfd;
static long eintr, timeouts;

static void on_sig(int sig)
{
	(void)sig;
	atomic_fetch_add(&handled, 1);
}

static long do_busy(int seen)
{
	for (int i = 0; i < BUSY_SPELL; i++)
		if (atomic_load_explicit(&handled, memory_order_relaxed) != seen)
			break;
	return 0;
}

static long do_select(bool pselect)
{
	struct timeval tv = { 0, WAIT_MS * 1000 };
	struct timespec ts = { 0, WAIT_MS * 1000000L };
	fd_set rfds;

	FD_ZERO(&rfds);
	FD_SET(pfd[0], &rfds);
	if (pselect)
		return syscall(SYS_pselect6, pfd[0] + 1, &rfds, NULL, NULL, &ts, NULL);
#ifdef SYS_select
	return syscall(SYS_select, pfd[0] + 1, &rfds, NULL, NULL, &tv);
#else
	(void)tv;
	return syscall(SYS_pselect6, pfd[0] + 1, &rfds, NULL, NULL, &ts, NULL);
#endif
}

static long do_poll(bool ppoll)
{
	struct timespec ts = { 0, WAIT_MS * 1000000L };
	struct pollfd p = { .fd = pfd[0], .events = POLLIN };

#ifdef SYS_poll
	if (!ppoll)
		return syscall(SYS_poll, &p, 1, WAIT_MS);
#else
	(void)ppoll; /* aarch64 has only ppoll */
#endif
	return syscall(SYS_ppoll, &p, 1, &ts, NULL, 8);
}

static long do_epoll(void)
{
	struct epoll_event ev;

#ifdef SYS_epoll_wait
	return syscall(SYS_epoll_wait, epfd, &ev, 1, WAIT_MS);
#else
	return syscall(SYS_epoll_pwait, epfd, &ev, 1, WAIT_MS, NULL, 8);
#endif
}

static long do_wait(int kind, int seen)
{
	struct timespec ts = { 0, WAIT_MS * 1000000L };

	switch (kind) {
	case 0:
		return syscall(SYS_nanosleep, &ts, NULL);
	case 1:
		return do_poll(false);
	case 2:
		return do_select(false);
	case 3:
		return do_epoll();
	case 4:
		return do_poll(true);
	case 5:
		return do_select(true);
	case 6:
		return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	default:
		return do_busy(seen);
	}
}

static void ready(void)
{
	printf("READY\n");
	fflush(stdout);
}

static void setup(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct sigaction sa;

	if (pipe2(pfd, O_CLOEXEC) < 0)
		die("pipe: %m");
	epfd = epoll_create1(EPOLL_CLOEXEC);
	if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, pfd[0], &ev) < 0)
		die("epoll: %m");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sigaction(SIGINT, &sa, NULL);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2000;
	int acked = 0;

	setup();
	ready();
	for (unsigned i = 0; acked < n; i++) {
		/* Wait only while no handler call is left to acknowledge. */
		if (atomic_load(&handled) == acked) {
			long r = do_wait((int)(i % NKINDS), acked);

			if (r < 0 && errno == EINTR)
				eintr++;
			else if (r == 0 && i % NKINDS != NKINDS - 1)
				timeouts++;
		}
		while (acked < atomic_load(&handled) && acked < n)
			if (++acked < n)
				ready();
	}
	sleep_ms(WAIT_MS);
	printf("handled=%d\n", atomic_load(&handled));
	fflush(stdout);
	fprintf(stderr, "sigstress: %ld EINTR, %ld timeouts\n", eintr, timeouts);
	return 0;
}
