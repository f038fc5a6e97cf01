// SPDX-License-Identifier: MIT
/*
 * A child's exit both completes its parent's blocking wait and sends
 * the parent SIGCHLD.  The kernel wakes the wait first (do_wait finds
 * the zombie before it looks at pending signals), so the call returns
 * the child's pid and the handler runs after it, on the way back to
 * user space: a handler that reaps with waitpid(-1, WNOHANG) finds
 * nothing.  Shells, init systems and daemons rely on that order.
 *
 *   chldwait WAIT RESTART WHERE ROUNDS
 *     WAIT     pid | pgid | any | waitid-pid | waitid-pgid | waitid-any
 *     RESTART  restart (SA_RESTART) | norestart
 *     WHERE    main | thread (a second thread forks and waits; the main
 *              thread blocks SIGCHLD, so the handler runs in the waiter)
 *     ROUNDS   fork/exit/wait rounds
 *
 * Prints what the kernel guarantees for each round: how many waits
 * returned the child (with its status), failed with ECHILD or EINTR,
 * and how many handler runs found a child to reap.
 *
 * "sigio" instead of WAIT: the same order for poll() on a pipe whose
 * writer also raises SIGIO (O_ASYNC): poll returns 1, never EINTR, and
 * a handler that drains the pipe cannot make it block.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t handler_runs, handler_reaped;
static int rounds;
static const char *how;
static int pipefd[2];
static pid_t waiter_tid;

static struct {
	int child, echild, eintr, other, bad_status;
} res;

static void on_chld(int sig)
{
	int saved = errno, st;

	(void)sig;
	handler_runs++;
	while (waitpid(-1, &st, WNOHANG) > 0)
		handler_reaped++;
	errno = saved;
}

static pid_t wait_child(pid_t pid, int *st)
{
	siginfo_t si;

	if (!strcmp(how, "pid"))
		return waitpid(pid, st, 0);
	if (!strcmp(how, "pgid"))
		return waitpid(-pid, st, 0);
	if (!strcmp(how, "any"))
		return waitpid(-1, st, 0);
	memset(&si, 0, sizeof(si));
	if (!strcmp(how, "waitid-pid") && waitid(P_PID, (id_t)pid, &si, WEXITED) < 0)
		return -1;
	if (!strcmp(how, "waitid-pgid") && waitid(P_PGID, (id_t)pid, &si, WEXITED) < 0)
		return -1;
	if (!strcmp(how, "waitid-any") && waitid(P_ALL, 0, &si, WEXITED) < 0)
		return -1;
	*st = si.si_code == CLD_EXITED ? (si.si_status & 0xff) << 8 : -1;
	return si.si_pid;
}

/* Thread tid of process pid sleeps in the kernel ('S' in its stat)? */
static bool sleeping(pid_t pid, pid_t tid)
{
	char path[64], buf[256], *p;
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)pid, (int)tid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return true; /* gone: nothing to wait for */
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return true;
	buf[len] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' && p[2] == 'S';
}

/*
 * In the child: wait until the parent sleeps in its wait (natively the
 * call itself, under ptsandbox the spot where it is parked), so that
 * the exit always ends a wait in progress, as the kernel orders only
 * that case.  The parent does nothing else that sleeps meanwhile.
 */
static void wait_parent_waiting(void)
{
	pid_t parent = getppid();

	for (int i = 0; !sleeping(parent, waiter_tid); i++) {
		if (i > 1000000) {
			fprintf(stderr, "chldwait: the parent never waits\n");
			_exit(99);
		}
		sched_yield();
	}
}

static void one_round(int i)
{
	pid_t pid, got;
	int st = 0;

	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(99);
	}
	if (pid == 0) {
		if (strstr(how, "pgid"))
			setpgid(0, 0);
		wait_parent_waiting();
		_exit(i & 0x7f);
	}
	/* Both sides set the group: the wait may start before the child runs. */
	if (strstr(how, "pgid"))
		setpgid(pid, pid);
	do {
		got = wait_child(pid, &st);
		if (got < 0 && errno == EINTR)
			res.eintr++;
	} while (got < 0 && errno == EINTR);
	if (got == pid) {
		res.child++;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != (i & 0x7f))
			res.bad_status++;
	} else if (got < 0 && errno == ECHILD) {
		res.echild++;
	} else {
		res.other++;
	}
}

static void *run_rounds(void *arg)
{
	sigset_t chld;

	(void)arg;
	waiter_tid = gettid();
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	pthread_sigmask(SIG_UNBLOCK, &chld, NULL);
	for (int i = 0; i < rounds; i++)
		one_round(i);
	return NULL;
}

static void on_io(int sig)
{
	char c;
	int saved = errno;

	(void)sig;
	handler_runs++;
	/* Drain: a poll re-executed after this would block for ever. */
	if (read(pipefd[0], &c, 1) == 1)
		handler_reaped++;
	errno = saved;
}

/* poll() on a pipe that a child writes to, with SIGIO on the same write. */
static void sigio_rounds(void)
{
	for (int i = 0; i < rounds; i++) {
		struct pollfd pfd = {.fd = pipefd[0], .events = POLLIN};
		pid_t pid = fork();
		int n;

		if (pid == 0) {
			wait_parent_waiting();
			if (write(pipefd[1], "x", 1) != 1)
				_exit(1);
			_exit(0);
		}
		do
			n = poll(&pfd, 1, 1000);
		while (n < 0 && errno == EINTR && ++res.eintr);
		if (n == 1 && (pfd.revents & POLLIN))
			res.child++;
		else
			res.other++;
		/* Natively the handler ran and drained the pipe; if not, drain. */
		n = (int)read(pipefd[0], &(char){0}, 1);
		(void)n;
		waitpid(pid, NULL, 0);
	}
}

static void setup_sigio(struct sigaction *sa)
{
	int fl;

	sa->sa_handler = on_io;
	sigaction(SIGIO, sa, NULL);
	if (pipe(pipefd) < 0)
		exit(99);
	fl = fcntl(pipefd[0], F_GETFL);
	fcntl(pipefd[0], F_SETFL, fl | O_ASYNC | O_NONBLOCK);
	fcntl(pipefd[0], F_SETOWN, getpid());
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	pthread_t th;
	sigset_t chld;

	if (argc != 5) {
		fprintf(stderr, "usage: chldwait WAIT RESTART WHERE ROUNDS\n");
		return 2;
	}
	how = argv[1];
	rounds = atoi(argv[4]);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_chld;
	sa.sa_flags = strcmp(argv[2], "restart") ? 0 : SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (!strcmp(how, "sigio")) {
		waiter_tid = gettid();
		setup_sigio(&sa);
		sigio_rounds();
		/* Whether the handler found data depends on when the SIGIO came. */
		printf("poll returned ready %d, EINTR %d, other %d; handler runs %d\n", res.child,
		       res.eintr, res.other, (int)handler_runs);
		return 0;
	}
	sigaction(SIGCHLD, &sa, NULL);
	if (!strcmp(argv[3], "thread")) {
		sigemptyset(&chld);
		sigaddset(&chld, SIGCHLD);
		pthread_sigmask(SIG_BLOCK, &chld, NULL);
		if (pthread_create(&th, NULL, run_rounds, NULL))
			return 99;
		pthread_join(th, NULL);
	} else {
		run_rounds(NULL);
	}
	printf("wait returned the child %d (bad status %d), ECHILD %d, EINTR %d, other %d; "
	       "handler runs %d, reaped %d\n",
	       res.child, res.bad_status, res.echild, res.eintr, res.other, (int)handler_runs,
	       (int)handler_reaped);
	return 0;
}
