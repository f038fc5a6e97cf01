// SPDX-License-Identifier: MIT
/*
 * group_stop MODE: a parent watches its child stop and continue, as a
 * shell's job control does.
 *
 *   self           the child stops itself with kill(getpid(), SIGSTOP)
 *   threads        the same, with three more threads in the child
 *   external       the parent stops the child, blocked in read()
 *   external-poll  the same, blocked in poll() (an emulated wait)
 *   external-sleep the same, in a loop of 20 ms nanosleeps (emulated,
 *                  and restarted by the kernel after the stop) that
 *                  ends once the parent says so
 *
 * The parent prints what waitpid reports: stopped by SIGSTOP,
 * continued, exited 7.  It prints alone and in order, so the output is
 * deterministic; the child only reports through its exit status.
 */
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sigutil.h"

static const char *mode;
static int go[2];    /* parent -> child: you may exit now */
static int ready[2]; /* child -> parent: about to block */
static int wake[2];  /* child -> its threads: finish */

static void *blocked_thread(void *arg)
{
	char c;

	(void)arg;
	return read(wake[0], &c, 1) == 1 ? NULL : (void *)1;
}

static void __attribute__((noreturn)) child(void)
{
	struct timespec ts = {0, 20000000};
	struct pollfd pfd = {.fd = go[0], .events = POLLIN};
	pthread_t t[3];
	char c = 'r';

	if (strcmp(mode, "threads") == 0)
		for (int i = 0; i < 3; i++)
			if (pthread_create(&t[i], NULL, blocked_thread, NULL) != 0)
				_exit(1);
	if (strcmp(mode, "self") == 0 || strcmp(mode, "threads") == 0) {
		kill(getpid(), SIGSTOP);
		/*
		 * Exit only once the parent has seen the continue: a
		 * child already gone would make waitpid(WCONTINUED)
		 * report the exit instead.
		 */
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		if (strcmp(mode, "threads") == 0) {
			/* One byte per thread wakes them all. */
			if (write(wake[1], "ttt", 3) != 3)
				_exit(1);
			for (int i = 0; i < 3; i++)
				if (pthread_join(t[i], NULL) != 0)
					_exit(1);
		}
		_exit(7);
	}
	if (write(ready[1], &c, 1) != 1)
		_exit(1);
	if (strcmp(mode, "external-sleep") == 0) {
		while (poll(&pfd, 1, 0) == 0)
			if (nanosleep(&ts, NULL) < 0)
				_exit(1);
	}
	if (strcmp(mode, "external-poll") == 0 && poll(&pfd, 1, -1) != 1)
		_exit(1);
	_exit(read(go[0], &c, 1) == 1 ? 7 : 1);
}

static int wait_for(pid_t pid, int flags, const char *what)
{
	int status;

	if (waitpid(pid, &status, flags) != pid) {
		printf("waitpid for %s failed\n", what);
		exit(1);
	}
	return status;
}

/* The stop, the continue, and the end, in the order they must come. */
static void watch(pid_t pid)
{
	int status = wait_for(pid, WUNTRACED, "stop");

	if (WIFSTOPPED(status))
		printf("child stopped by signal %d\n", WSTOPSIG(status));
	else
		printf("child not stopped: status %#x\n", status);
	fflush(stdout);
	kill(pid, SIGCONT);
	status = wait_for(pid, WCONTINUED, "continue");
	printf("child %s\n", WIFCONTINUED(status) ? "continued" : "not continued");
	fflush(stdout);
	if (write(go[1], "g", 1) != 1)
		exit(1);
	status = wait_for(pid, 0, "exit");
	if (WIFEXITED(status))
		printf("child exited %d\n", WEXITSTATUS(status));
	else
		printf("child ended: status %#x\n", status);
}

/*
 * Wait (bounded) until the child sleeps in its blocking call, so the
 * stop interrupts it there.  An asynchronous kernel state: nothing to
 * handshake with.  Past the bound the stop goes ahead anyway, still a
 * valid run with the same output.
 */
static void wait_child_sleeping(pid_t pid)
{
	struct timespec ts = {0, 1000000};

	for (int i = 0; i < 5000; i++) {
		if (proc_state(pid) == 'S')
			return;
		nanosleep(&ts, NULL);
	}
}

int main(int argc, char **argv)
{
	pid_t pid;
	char c;

	mode = argc > 1 ? argv[1] : "self";
	if (pipe(go) < 0 || pipe(ready) < 0 || pipe(wake) < 0)
		return 2;
	printf("mode %s\n", mode);
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0)
		child();
	if (strncmp(mode, "external", 8) == 0) {
		/* Stop the child only once it is on its way to block. */
		if (read(ready[0], &c, 1) != 1)
			return 1;
		wait_child_sleeping(pid);
		kill(pid, SIGSTOP);
	}
	watch(pid);
	return 0;
}
