// SPDX-License-Identifier: MIT
/*
 * Guests that hang, for --timeout and --dump-on (tests/e2e/timeout.sh).
 * Each first writes its pids, "PID [CHILDPID]", to PIDFILE, then:
 *
 * hang PIDFILE sleep	nanosleep forever in hang_here()
 * hang PIDFILE pipe	read forever from a pipe in read_forever()
 * hang PIDFILE threads	3 threads: main joins, one in hang_here(),
 *			one in read_forever()
 * hang PIDFILE tree	fork a child that sleeps in hang_here(), then
 *			wait for it in wait_child()
 * hang PIDFILE dumpon READY GO
 *	Catch SIGUSR1, write "ready" to the fifo READY, then block opening
 *	the fifo GO in wait_for_go() until the test writes it; print
 *	whether the handler ran and exit 7.
 *
 * tests/e2e/timeout.sh finds the lines a dump must show by the
 * "line:" markers.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

/* Not inlined or merged: the dump must name them. */
__attribute__((noinline)) void hang_here(void);
__attribute__((noinline)) void read_forever(void);
__attribute__((noinline)) void wait_child(pid_t child);
__attribute__((noinline)) int wait_for_go(const char *fifo);

void hang_here(void)
{
	struct timespec ts = {.tv_sec = 3600};

	for (;;)
		nanosleep(&ts, NULL); /* line:nanosleep */
}

void read_forever(void)
{
	int p[2];
	char c;

	if (pipe(p) < 0)
		exit(2);
	/* We hold the write end: no EOF, ever. */
	while (read(p[0], &c, 1) != 0)
		;
	exit(2);
}

void wait_child(pid_t child)
{
	int status;

	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
}

int wait_for_go(const char *fifo)
{
	char buf[16];
	int fd = open(fifo, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n > 0 ? 0 : -1;
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		exit(2);
	close(fd);
}

static void write_pids(const char *path, pid_t child)
{
	char line[64];

	if (child)
		snprintf(line, sizeof(line), "%d %d\n", (int)getpid(), (int)child);
	else
		snprintf(line, sizeof(line), "%d\n", (int)getpid());
	write_file(path, line);
}

static void *sleeper(void *arg)
{
	(void)arg;
	hang_here();
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	read_forever();
	return NULL;
}

static int threads(const char *pidfile)
{
	pthread_t a, b;

	if (pthread_create(&a, NULL, sleeper, NULL) || pthread_create(&b, NULL, reader, NULL))
		return 2;
	write_pids(pidfile, 0);
	pthread_join(a, NULL);
	return 2;
}

static int tree(const char *pidfile)
{
	pid_t child = fork();

	if (child < 0)
		return 2;
	if (child == 0)
		hang_here();
	write_pids(pidfile, child);
	wait_child(child);
	return 2;
}

static void on_usr1(int sig)
{
	(void)sig;
	handled = 1;
}

static int dumpon(const char *pidfile, const char *ready, const char *go)
{
	struct sigaction sa = {.sa_handler = on_usr1};

	sigaction(SIGUSR1, &sa, NULL);
	write_pids(pidfile, 0);
	write_file(ready, "ready\n");
	if (wait_for_go(go) < 0)
		return 2;
	printf("continued, handler ran: %s\n", handled ? "yes" : "no");
	return 7;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	if (!strcmp(argv[2], "sleep")) {
		write_pids(argv[1], 0);
		hang_here(); /* line:main-sleep */
	}
	if (!strcmp(argv[2], "pipe")) {
		write_pids(argv[1], 0);
		read_forever();
	}
	if (!strcmp(argv[2], "threads"))
		return threads(argv[1]);
	if (!strcmp(argv[2], "tree"))
		return tree(argv[1]);
	if (!strcmp(argv[2], "dumpon") && argc == 5)
		return dumpon(argv[1], argv[3], argv[4]);
	return 2;
}
