// SPDX-License-Identifier: MIT
/*
 * A CLONE_CHILD_CLEARTID word that did not hold the thread's tid (LTP
 * clone08): the word is -1 (no CLONE_CHILD_SETTID), the main thread
 * waits on it with FUTEX_WAIT, and the thread exits once the main
 * thread sleeps.  The kernel clears the word to 0 and wakes the
 * waiter; prints the futex result and the word.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

#define STACK_SIZE (256 * 1024)

static volatile int ctid = -1;
static pid_t main_tid;

/* The main thread's state letter, with raw calls only (no TLS of our own). */
static char state_of(pid_t tid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
	fd = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = syscall(SYS_read, fd, buf, sizeof(buf) - 1);
	syscall(SYS_close, fd);
	if (n <= 0)
		return '?';
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] ? p[2] : '?';
}

static int thread_fn(void *arg)
{
	(void)arg;
	while (state_of(main_tid) != 'S')
		;
	syscall(SYS_exit, 0);
	return 0;
}

int main(void)
{
	struct timespec timeout = {.tv_sec = 5};
	char *stack = malloc(STACK_SIZE);
	long ret;

	main_tid = sys_gettid();
	if (!stack ||
	    clone(thread_fn, stack + STACK_SIZE,
		  CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_CHILD_CLEARTID | SIGCHLD, NULL,
		  NULL, NULL, &ctid) < 0)
		die("clone: %s", strerror(errno));
	ret = syscall(SYS_futex, &ctid, FUTEX_WAIT, -1, &timeout, NULL, 0);
	printf("futex: %s, word %d\n", ret == 0 ? "woken" : errno_name(errno), ctid);
	return 0;
}
