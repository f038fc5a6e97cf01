// SPDX-License-Identifier: MIT
/*
 * stopped_call CALL [--attach]
 *
 * A child blocks in CALL (nanosleep: a relative 1 s clock_nanosleep;
 * poll: an untimed poll of a pipe; ppoll: a ppoll of it with a 10 s
 * timeout; read: a read of it) and its parent, the only one who knows
 * when, stops it with SIGSTOP and continues it with SIGCONT; then, for
 * the pipe calls, makes the pipe readable.  Its trace is compared with
 * strace's (tests/e2e/trace_stops.sh): the call interrupted by the stop,
 * "--- stopped by SIGSTOP ---", and the kernel's restart.
 *
 * Every step waits on the kernel's word, no sleeps: the child says it
 * is about to call (a pipe), the parent waits until it sleeps in the
 * kernel (/proc/PID/stat), until it is stopped (waitpid WUNTRACED: the
 * group-stop is complete) and, after SIGCONT, until it sleeps in the
 * restarted call before it writes.  The parent makes no call the
 * tests trace (readv, pread, wait4, kill, write) and blocks SIGCHLD,
 * so the trace is the child's alone.
 *
 * --attach: the parent prints "child PID" and waits for a line on its
 * stdin (the tracer has attached to the child) before it lets the child
 * go on to CALL.
 *
 * --long: the call completes while its thread is stopped: the sleep is
 * 0.5 s and the stop lasts 1 s (that wait is the point, not a
 * synchronisation), and the pipe is written during the stop.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "stopped_call: %s: %s\n", what, strerror(errno));
	exit(99);
}

/* One byte through fd, by readv: the tests trace read, not readv. */
static void take_byte(int fd)
{
	char c;
	struct iovec iov = {&c, 1};

	if (readv(fd, &iov, 1) != 1)
		die("readv");
}

static void give_byte(int fd)
{
	if (write(fd, "x", 1) != 1)
		die("write");
}

static int long_stop;

static void call(const char *name, int fd)
{
	char c;

	if (!strcmp(name, "nanosleep")) {
		struct timespec ts = {long_stop ? 0 : 1, long_stop ? 500000000 : 0};

		printf("nanosleep %d\n", clock_nanosleep(CLOCK_REALTIME, 0, &ts, NULL));
	} else if (!strcmp(name, "poll")) {
		struct pollfd p = {fd, POLLIN, 0};
		int n = poll(&p, 1, -1);

		printf("poll %d revents %#x\n", n, (unsigned)p.revents);
	} else if (!strcmp(name, "ppoll")) {
		struct pollfd p = {fd, POLLIN, 0};
		struct timespec ts = {10, 0};
		int n = ppoll(&p, 1, &ts, NULL);

		printf("ppoll %d revents %#x\n", n, (unsigned)p.revents);
	} else {
		printf("read %zd\n", read(fd, &c, 1));
	}
	fflush(stdout);
}

/* Sleeping in the kernel ('S'), as /proc/PID/stat says? */
static int asleep(pid_t pid)
{
	char path[64], buf[512], *end;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("open /proc/PID/stat");
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	close(fd);
	if (n <= 0)
		die("pread /proc/PID/stat");
	buf[n] = '\0';
	end = strrchr(buf, ')');
	return end && end[1] == ' ' && end[2] == 'S';
}

/* The child is stopped in no time; it may take a few runs of the tracer to sleep. */
static void wait_asleep(pid_t pid)
{
	while (!asleep(pid))
		sched_yield();
}

int main(int argc, char **argv)
{
	int ready[2], go[2], data[2], status;
	const char *name = argc > 1 ? argv[1] : "";
	sigset_t chld;
	pid_t pid;

	if (strcmp(name, "nanosleep") && strcmp(name, "poll") && strcmp(name, "ppoll") &&
	    strcmp(name, "read")) {
		fprintf(stderr,
			"usage: stopped_call nanosleep|poll|ppoll|read [--attach|--long]\n");
		return 2;
	}
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	long_stop = argc > 2 && !strcmp(argv[2], "--long");
	if (pipe(ready) < 0 || pipe(go) < 0 || pipe(data) < 0)
		die("pipe");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		sigprocmask(SIG_UNBLOCK, &chld, NULL);
		take_byte(go[0]);
		give_byte(ready[1]);
		call(name, data[0]);
		_exit(0);
	}
	if (argc > 2 && !strcmp(argv[2], "--attach")) {
		char line[16];
		struct iovec iov = {line, sizeof(line)};

		/* stderr: the tests compare stdout with a native run's. */
		fprintf(stderr, "child %d\n", (int)pid);
		if (readv(STDIN_FILENO, &iov, 1) <= 0)
			die("readv stdin");
	}
	give_byte(go[1]);
	take_byte(ready[0]);
	wait_asleep(pid);
	kill(pid, SIGSTOP);
	if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status))
		die("waitpid WUNTRACED");
	if (long_stop) {
		struct timeval tv = {1, 0};

		if (strcmp(name, "nanosleep"))
			give_byte(data[1]);
		/* select: the tests trace the sleeps. */
		select(0, NULL, NULL, NULL, &tv);
		kill(pid, SIGCONT);
	} else {
		kill(pid, SIGCONT);
		wait_asleep(pid);
		if (strcmp(name, "nanosleep"))
			give_byte(data[1]);
	}
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	printf("child stopped, continued, exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}
