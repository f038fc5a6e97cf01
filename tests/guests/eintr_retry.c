// SPDX-License-Identifier: MIT
/*
 * For tests/e2e/interrupt.sh: eintr_buggy's three waits written
 * correctly.  The sleeps resume with the time left (*rem), the poll
 * retries with the time left, and waitpid() retries: an interrupted
 * wait changes nothing a caller can see.  stdout is the same with and
 * without --interrupt; stderr says how often the handler ran.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void on_alarm(int sig)
{
	(void)sig;
	handled++;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* 100 ms, however often a signal interrupts it. */
static void sleep_100ms(void)
{
	struct timespec ts = {0, 100 * 1000 * 1000};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Wait up to 100 ms for fd: 0 on timeout, 1 if readable. */
static int poll_100ms(int fd)
{
	long long end = now_ms() + 100;
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	int rc;

	do {
		long long left = end - now_ms();

		rc = poll(&pfd, 1, left > 0 ? (int)left : 0);
	} while (rc < 0 && errno == EINTR);
	return rc;
}

int main(void)
{
	struct sigaction sa = {.sa_handler = on_alarm};
	int status, p[2];
	pid_t child, got;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (pipe(p) < 0)
		return 2;
	sleep_100ms();
	printf("wait 1 done\n");
	printf("wait 2 done: %d ready\n", poll_100ms(p[0]));
	child = fork();
	if (child == 0) {
		sleep_100ms();
		_exit(7);
	}
	do
		got = waitpid(child, &status, 0);
	while (got < 0 && errno == EINTR);
	printf("wait 3 done: child exited %d\n", got == child ? WEXITSTATUS(status) : -1);
	fprintf(stderr, "handler ran %d time%s\n", (int)handled, handled == 1 ? "" : "s");
	return 0;
}
