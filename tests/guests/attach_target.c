// SPDX-License-Identifier: MIT
/*
 * attach_target MODE READY_FIFO GO_FIFO
 *	A process for ptsandbox -p to attach to.  Once every thread sits
 *	in its blocking call (as /proc/self/task/TID/syscall says), write
 *	"PID\n" to READY_FIFO, then block in read() on GO_FIFO.  Whatever
 *	the test did meanwhile (attach, dump, detach), a line from GO_FIFO
 *	releases the process, which then prints what each call returned:
 *	natively and after an attach the output must be the same.
 *
 * MODE threads
 *	Six threads blocked in clock_nanosleep, read on a pipe, a condvar
 *	(futex) wait, epoll_wait, sigwaitinfo and wait4; released one at a
 *	time, in order, each printing its call's result.  EINTR from
 *	epoll_wait or sigwaitinfo would be an attach artefact (SIGUSR1
 *	ends the nanosleep on purpose, natively too).
 * MODE trace
 *	Single-threaded: after the release, a few syscalls to trace, and
 *	how many SIGUSR1 its handler (SA_RESTART) saw.
 * MODE fork
 *	After the release, fork a child that exits 5 and wait for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_epoll_wait
#define SYS_epoll_wait SYS_epoll_pwait
#endif

enum { T_SLEEP, T_READ, T_COND, T_EPOLL, T_SIGWAIT, T_WAIT, NTHREADS };

static struct {
	pid_t tid;
	long nr; /* the syscall it blocks in */
	pthread_t th;
	char result[128]; /* printed by main in order: threads woken together race */
} thr[NTHREADS];

#define report(i, ...) snprintf(thr[i].result, sizeof(thr[i].result), __VA_ARGS__)

static int data_pipe[2], child_pipe[2], efd;
static pid_t child;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int cond_flag;

static volatile sig_atomic_t usr1_count;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

static const char *result(long rc)
{
	static __thread char buf[64];

	if (rc < 0)
		snprintf(buf, sizeof(buf), "-1 %s", strerrorname_np(errno));
	else
		snprintf(buf, sizeof(buf), "%ld", rc);
	return buf;
}

static void enter(int i, long nr)
{
	thr[i].nr = nr;
	__atomic_store_n(&thr[i].tid, gettid(), __ATOMIC_RELEASE);
}

static void *sleeper(void *arg)
{
	struct timespec ts = {3600, 0}, rem = {0, 0};
	int rc;

	(void)arg;
	enter(T_SLEEP, SYS_clock_nanosleep);
	rc = clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &rem);
	report(T_SLEEP, "clock_nanosleep: %s, rem %s", rc ? strerrorname_np(rc) : "0",
	       rem.tv_sec > 3000 ? "most of the hour" : "wrong");
	return NULL;
}

static void *reader(void *arg)
{
	char buf[16] = "";
	ssize_t n;

	(void)arg;
	enter(T_READ, SYS_read);
	n = read(data_pipe[0], buf, sizeof(buf) - 1);
	report(T_READ, "read: %s \"%s\"", result(n), n > 0 ? buf : "");
	return NULL;
}

static void *waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	enter(T_COND, SYS_futex);
	while (!cond_flag)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	report(T_COND, "cond: woken");
	return NULL;
}

static void *poller(void *arg)
{
	struct epoll_event ev = {.events = EPOLLIN}, out;
	int ep = epoll_create1(0), n;

	(void)arg;
	epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
	enter(T_EPOLL, SYS_epoll_wait);
	n = epoll_wait(ep, &out, 1, -1);
	report(T_EPOLL, "epoll_wait: %s", result(n));
	return NULL;
}

static void *sigwaiter(void *arg)
{
	sigset_t set;
	int sig;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	enter(T_SIGWAIT, SYS_rt_sigtimedwait);
	sig = sigwaitinfo(&set, NULL);
	report(T_SIGWAIT, "sigwaitinfo: %s", sig == SIGUSR2 ? "SIGUSR2" : result(sig));
	return NULL;
}

static void *reaper(void *arg)
{
	int status = 0;
	pid_t got;

	(void)arg;
	enter(T_WAIT, SYS_wait4);
	got = waitpid(child, &status, 0);
	report(T_WAIT, "waitpid: %s, exited %d", got == child ? "child" : result(got),
	       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return NULL;
}

/* Is tid in syscall nr now? */
static int in_call(pid_t tid, long nr)
{
	char path[64], line[256];
	FILE *f;
	long got = -2;

	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	if (fgets(line, sizeof(line), f))
		got = strtol(line, NULL, 10);
	fclose(f);
	return got == nr;
}

static void announce(const char *fifo)
{
	char line[32];
	int fd = open(fifo, O_WRONLY), n = snprintf(line, sizeof(line), "%d\n", (int)getpid());

	if (fd < 0 || write(fd, line, (size_t)n) != n) {
		perror("announce");
		exit(99);
	}
	close(fd);
}

static void wait_go(const char *fifo)
{
	char buf[8];
	/* O_RDWR: the open never blocks, the read does. */
	int fd = open(fifo, O_RDWR);

	if (fd < 0 || read(fd, buf, sizeof(buf)) <= 0) {
		perror("go");
		exit(99);
	}
	close(fd);
}

static void start_child(void)
{
	char c;

	if (pipe(child_pipe) < 0)
		exit(99);
	child = fork();
	if (child == 0) {
		close(child_pipe[1]);
		_exit(read(child_pipe[0], &c, 1) == 1 ? 7 : 8);
	}
	close(child_pipe[0]);
}

static void start_threads(void)
{
	void *(*fn[NTHREADS])(void *) = {sleeper, reader, waiter, poller, sigwaiter, reaper};
	struct sigaction sa = {.sa_handler = on_usr1};
	sigset_t set;

	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (pipe(data_pipe) < 0 || (efd = eventfd(0, 0)) < 0)
		exit(99);
	start_child();
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&thr[i].th, NULL, fn[i], NULL);
	for (int i = 0; i < NTHREADS; i++)
		while (!__atomic_load_n(&thr[i].tid, __ATOMIC_ACQUIRE) ||
		       !in_call(thr[i].tid, thr[i].nr))
			sched_yield();
}

static void release(int i)
{
	uint64_t one = 1;

	switch (i) {
	case T_SLEEP:
		pthread_kill(thr[i].th, SIGUSR1);
		break;
	case T_READ:
		if (write(data_pipe[1], "hello", 5) != 5)
			exit(99);
		break;
	case T_COND:
		pthread_mutex_lock(&mu);
		cond_flag = 1;
		pthread_cond_signal(&cv);
		pthread_mutex_unlock(&mu);
		break;
	case T_EPOLL:
		if (write(efd, &one, sizeof(one)) != sizeof(one))
			exit(99);
		break;
	case T_SIGWAIT:
		pthread_kill(thr[i].th, SIGUSR2);
		break;
	case T_WAIT:
		if (write(child_pipe[1], "x", 1) != 1)
			exit(99);
		break;
	}
	pthread_join(thr[i].th, NULL);
	printf("%s\n", thr[i].result);
}

static int after_fork(void)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0)
		_exit(5);
	waitpid(pid, &status, 0);
	printf("child exited %d\n", WEXITSTATUS(status));
	return 0;
}

static void traced_calls(void)
{
	static const char msg[] = "traced\n";

	syscall(SYS_getppid);
	if (write(1, msg, sizeof(msg) - 1) < 0)
		exit(99);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/attach", O_RDONLY);
	syscall(SYS_close, 12345);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: attach_target threads|trace|fork READY GO\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(argv[1], "trace")) {
		struct sigaction sa = {.sa_handler = on_usr1, .sa_flags = SA_RESTART};

		sigaction(SIGUSR1, &sa, NULL);
	}
	if (!strcmp(argv[1], "threads"))
		start_threads();
	announce(argv[2]);
	wait_go(argv[3]);
	if (!strcmp(argv[1], "threads")) {
		for (int i = 0; i < NTHREADS; i++)
			release(i);
		printf("done\n");
		return 3;
	}
	if (!strcmp(argv[1], "fork"))
		return after_fork();
	traced_calls();
	printf("SIGUSR1 handled %d times\n", (int)usr1_count);
	return 4;
}
