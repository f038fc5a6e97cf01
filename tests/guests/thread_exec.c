// SPDX-License-Identifier: MIT
/*
 * thread_exec PROGRAM [ARG]...: a thread other than the main one
 * execs PROGRAM while the main thread is blocked in pthread_join and
 * three more threads in read().  The kernel kills the other threads
 * and gives the exec'ing thread the leader's pid; the new image must
 * run as it does natively (same output, same exit status).
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

#define NBLOCKED 3

static char **exec_argv;
static pid_t leader;
static int blocker[2]; /* a pipe nobody writes to */

/*
 * Wait (bounded) until the main thread sleeps in pthread_join, so the
 * exec really happens with the leader blocked.  It is an asynchronous
 * kernel state, so there is nothing to handshake with; past the bound
 * the exec goes ahead anyway, which is still a valid run.
 */
static void wait_leader_blocked(void)
{
	struct timespec ts = {0, 1000000};

	for (int i = 0; i < 5000; i++) {
		if (task_state(leader) == 'S')
			return;
		nanosleep(&ts, NULL);
	}
}

static void *blocked_main(void *arg)
{
	char c;

	(void)arg;
	if (read(blocker[0], &c, 1) < 0)
		abort();
	return NULL;
}

static void *exec_main(void *arg)
{
	(void)arg;
	wait_leader_blocked();
	printf("thread: exec %s\n", exec_argv[0]);
	fflush(stdout);
	execv(exec_argv[0], exec_argv);
	perror("execv");
	exit(1);
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc < 2 || pipe(blocker) < 0)
		return 2;
	exec_argv = argv + 1;
	leader = getpid();
	printf("main: starting threads\n");
	fflush(stdout);
	for (int i = 0; i < NBLOCKED; i++)
		if (pthread_create(&t, NULL, blocked_main, NULL) != 0)
			return 1;
	if (pthread_create(&t, NULL, exec_main, NULL) != 0)
		return 1;
	pthread_join(t, NULL);
	printf("main: not reached\n");
	return 1;
}
