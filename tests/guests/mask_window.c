// SPDX-License-Identifier: MIT
/*
 * A call with a sigmask of its own (epoll_pwait, ppoll, pselect) that
 * blocks SIGUSR1, with SIGUSR1 sent during the call and then a SIGCHLD
 * (ignored by default) from a child's exit: natively neither ends the
 * call, which returns when a pipe becomes readable, and the SIGUSR1
 * handler runs as it returns (LTP epoll_pwait01).  Under ptrace the
 * ignored SIGCHLD interrupts the parked call, and the kernel's restart
 * opens a window in which SIGUSR1 is deliverable.  Prints what each
 * call returned and whether the handler ran.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sigutil.h"

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled = 1;
}

/* Waits (busy, bounded) until pid is in state c; '?' counts as gone. */
static void wait_state(pid_t pid, char c)
{
	int64_t deadline = mono_ns() + (int64_t)LONG_MS * 1000000;

	for (;;) {
		char s = proc_state(pid);

		if (s == c || (c == 'Z' && s == '?'))
			return;
		if (mono_ns() > deadline)
			die("process %d never got to state %c", (int)pid, c);
	}
}

static int call(const char *kind, int rfd, int efd, const sigset_t *mask)
{
	if (!strcmp(kind, "epoll_pwait")) {
		struct epoll_event e;

		return epoll_pwait(efd, &e, 1, LONG_MS, mask);
	}
	if (!strcmp(kind, "ppoll")) {
		struct pollfd p = {.fd = rfd, .events = POLLIN};
		struct timespec ts = {.tv_sec = LONG_MS / 1000};

		return ppoll(&p, 1, &ts, mask);
	}
	fd_set r;
	struct timespec ts = {.tv_sec = LONG_MS / 1000};

	FD_ZERO(&r);
	FD_SET(rfd, &r);
	return pselect(rfd + 1, &r, NULL, NULL, &ts, mask);
}

static void one(const char *kind)
{
	struct epoll_event e = {.events = EPOLLIN};
	pid_t parent = getpid(), first, second;
	int p[2], efd, ret;
	sigset_t mask;
	char c;

	if (pipe(p) || (efd = epoll_create1(0)) < 0 || epoll_ctl(efd, EPOLL_CTL_ADD, p[0], &e))
		die("setup: %s", strerror(errno));
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	handled = 0;
	/* The first child signals the waiting parent and exits (SIGCHLD). */
	first = fork();
	if (first == 0) {
		wait_state(parent, 'S');
		kill(parent, SIGUSR1);
		_exit(0);
	}
	/* The second ends the wait once the first is gone and the parent waits on. */
	second = fork();
	if (second == 0) {
		wait_state(first, 'Z');
		wait_state(parent, 'S');
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		_exit(0);
	}
	ret = call(kind, p[0], efd, &mask);
	printf("%s: %s, handler %s\n", kind, ret < 0 ? errno_name(errno) : "ready",
	       handled ? "ran" : "did not run");
	if (read(p[0], &c, 1) != 1)
		printf("%s: pipe empty\n", kind);
	waitpid(first, NULL, 0);
	waitpid(second, NULL, 0);
	close(p[0]);
	close(p[1]);
	close(efd);
}

int main(void)
{
	struct sigaction sa = {.sa_handler = on_usr1};

	sigaction(SIGUSR1, &sa, NULL);
	one("epoll_pwait");
	one("ppoll");
	one("pselect");
	return 0;
}
