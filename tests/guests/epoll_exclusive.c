// SPDX-License-Identifier: MIT
/*
 * EPOLLEXCLUSIVE (LTP epoll_wait16): NCHILD processes each wait in
 * epoll_wait on an epoll instance of their own that watches the same
 * pipe with EPOLLIN | EPOLLET | EPOLLEXCLUSIVE.  One byte written
 * wakes one of them; the others time out.  Prints how many got the
 * event and how many timed out.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sigutil.h"

#define NCHILD 4

static void child(int rfd, int ready_fd, int report_fd)
{
	struct epoll_event ev = {.events = EPOLLIN | EPOLLET | EPOLLEXCLUSIVE};
	int efd = epoll_create1(0);
	char r;

	if (efd < 0 || epoll_ctl(efd, EPOLL_CTL_ADD, rfd, &ev) < 0)
		die("epoll setup: %s", strerror(errno));
	if (write(ready_fd, "r", 1) != 1)
		die("ready");
	r = epoll_wait(efd, &ev, 1, LONG_MS) == 1 ? 'e' : 't';
	if (write(report_fd, &r, 1) != 1)
		die("report");
	_exit(0);
}

int main(void)
{
	int data[2], ready[2], report[2], woken = 0, timedout = 0;
	pid_t pids[NCHILD];
	char c;

	if (pipe(data) || pipe(ready) || pipe(report))
		die("pipe: %s", strerror(errno));
	for (int i = 0; i < NCHILD; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			child(data[0], ready[1], report[1]);
	}
	close(report[1]);
	for (int i = 0; i < NCHILD; i++)
		if (read(ready[0], &c, 1) != 1)
			die("ready");
	/* Each child's only blocking call is its epoll_wait. */
	for (int i = 0; i < NCHILD; i++) {
		int64_t deadline = mono_ns() + (int64_t)LONG_MS * 1000000;

		while (proc_state(pids[i]) != 'S')
			if (mono_ns() > deadline)
				die("child %d never blocked", i);
	}
	if (write(data[1], "x", 1) != 1)
		die("write");
	while (read(report[0], &c, 1) == 1)
		c == 'e' ? woken++ : timedout++;
	for (int i = 0; i < NCHILD; i++)
		waitpid(pids[i], NULL, 0);
	printf("got the event: %d, timed out: %d\n", woken, timedout);
	return 0;
}
