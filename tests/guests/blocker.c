// SPDX-License-Identifier: MIT
/*
 * blocker READY_FIFO tree
 *	Fork a child and start a thread, all blocking forever; once the
 *	child is up, write "PID CHILDPID" to READY_FIFO.  For the test
 *	that kills the supervisor: none of them may survive it.
 *
 * blocker READY_FIFO signal SENDER_PID
 *	Catch SIGTERM with SA_SIGINFO while waiting in ppoll() (emulated
 *	by ptsandbox), having written "PID" to READY_FIFO; then report
 *	whether the siginfo names SENDER_PID as a user kill, and die by
 *	SIGTERM.  Natively and sandboxed the guest must see the same.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_code, got_pid;

static void announce(const char *fifo, const char *line)
{
	int fd = open(fifo, O_WRONLY);

	if (fd < 0 || write(fd, line, strlen(line)) != (ssize_t)strlen(line))
		exit(2);
	close(fd);
}

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static int tree(const char *fifo)
{
	int up[2];
	char line[64], c;
	pthread_t t;
	pid_t child;

	if (pipe(up) < 0)
		return 1;
	child = fork();
	if (child < 0)
		return 1;
	if (child == 0) {
		close(up[0]);
		close(up[1]);	/* EOF tells the parent we are running */
		sleeper(NULL);
	}
	close(up[1]);
	if (read(up[0], &c, 1) != 0)
		return 1;
	if (pthread_create(&t, NULL, sleeper, NULL) != 0)
		return 1;
	snprintf(line, sizeof(line), "%d %d\n", (int)getpid(), (int)child);
	announce(fifo, line);
	sleeper(NULL);
	return 1;
}

static void on_term(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got_code = si->si_code;
	got_pid = si->si_pid;
}

static int signal_mode(const char *fifo, pid_t sender)
{
	struct sigaction sa = { .sa_sigaction = on_term, .sa_flags = SA_SIGINFO };
	sigset_t block, none;
	char line[32];
	int ret;

	/* Blocked until ppoll atomically unblocks it: no lost wakeup. */
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigaction(SIGTERM, &sa, NULL);
	snprintf(line, sizeof(line), "%d\n", (int)getpid());
	announce(fifo, line);
	sigemptyset(&none);
	ret = ppoll(NULL, 0, NULL, &none);
	printf("ppoll: %d (%s)\n", ret, ret < 0 ? strerror(errno) : "no error");
	printf("SIGTERM si_code: %s\n", got_code == SI_USER ? "SI_USER" : "other");
	printf("sender is the test shell: %s\n", got_pid == sender ? "yes" : "no");
	fflush(stdout);
	signal(SIGTERM, SIG_DFL);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	raise(SIGTERM);
	return 1;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	if (strcmp(argv[2], "tree") == 0)
		return tree(argv[1]);
	if (strcmp(argv[2], "signal") == 0 && argc > 3)
		return signal_mode(argv[1], (pid_t)atoi(argv[3]));
	return 2;
}
