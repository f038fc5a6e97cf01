// SPDX-License-Identifier: MIT
/*
 * sigthreads [-s SIG] [-f ext|kill] [-l MS] CALL K
 *
 * Four threads block in CALL (nanosleep, poll or epoll_wait); SIG is
 * blocked in all of them but thread K (and in the main thread).  A
 * process-directed SIG, from another process (-f ext: "READY" is printed
 * once all four sleep, for sigdriver) or from kill(getpid()) in the main
 * thread (-f kill), must run the handler exactly once, in thread K, and
 * interrupt thread K's call only.  The main thread then ends the other
 * three calls with a thread-directed KICK signal and prints, per
 * thread, what its call returned and which signals it handled, and
 * whether SIG is still pending (it must not be: one signal, one
 * delivery).  -l MS waits that long before looking, so that a duplicate
 * delivery has the time to show.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sigutil.h"

#define NTHREADS 4
#define KICK (SIGRTMIN + 1)

static struct worker {
	pthread_t th;
	pid_t tid;
	int pfd[2];
	int epfd;
	long ret;
	int err;
} w[NTHREADS];

static int sig = SIGINT, k, linger_ms;
static bool from_ext = true;
static const char *call;
static __thread int my_index = -1;
static atomic_int handled_by[NTHREADS], handled_elsewhere, kicked[NTHREADS];
static int selfpipe[2], armpipe[2];

static void on_sig(int s)
{
	ssize_t unused;

	(void)s;
	if (my_index >= 0)
		atomic_fetch_add(&handled_by[my_index], 1);
	else
		atomic_fetch_add(&handled_elsewhere, 1);
	unused = write(selfpipe[1], "h", 1);
	(void)unused;
}

static void on_kick(int s)
{
	(void)s;
	if (my_index >= 0)
		atomic_fetch_add(&kicked[my_index], 1);
}

static long run_call(struct worker *me)
{
	struct timespec ts = { LONG_MS / 1000, 0 };
	struct pollfd p = { .fd = me->pfd[0], .events = POLLIN };
	struct epoll_event ev;

	if (!strcmp(call, "nanosleep"))
		return syscall(SYS_nanosleep, &ts, NULL);
	if (!strcmp(call, "poll"))
		return syscall(SYS_ppoll, &p, 1, &ts, NULL, 8);
	return syscall(SYS_epoll_pwait, me->epfd, &ev, 1, LONG_MS, NULL, 8);
}

static void *worker(void *arg)
{
	struct worker *me = arg;
	sigset_t mask;

	my_index = (int)(me - w);
	sigfillset(&mask);
	sigdelset(&mask, KICK);
	if (my_index == k)
		sigdelset(&mask, sig);
	pthread_sigmask(SIG_SETMASK, &mask, NULL);
	me->tid = sys_gettid();
	if (write(armpipe[1], "a", 1) != 1)
		die("arm: %m");
	errno = 0;
	me->ret = run_call(me);
	me->err = errno;
	return NULL;
}

static void setup_worker(struct worker *me)
{
	struct epoll_event ev = { .events = EPOLLIN };

	if (pipe2(me->pfd, O_CLOEXEC) < 0)
		die("pipe: %m");
	me->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (me->epfd < 0 || epoll_ctl(me->epfd, EPOLL_CTL_ADD, me->pfd[0], &ev) < 0)
		die("epoll: %m");
}

static void start_workers(void)
{
	char b;

	for (int i = 0; i < NTHREADS; i++) {
		setup_worker(&w[i]);
		if (pthread_create(&w[i].th, NULL, worker, &w[i]))
			die("pthread_create");
	}
	for (int i = 0; i < NTHREADS; i++)
		if (read(armpipe[0], &b, 1) != 1)
			die("arm: %m");
	for (int i = 0; i < NTHREADS; i++)
		wait_sleeping(w[i].tid, NULL);
}

static void install(void)
{
	struct sigaction sa;
	sigset_t all;

	/* Everything blocked here and inherited: workers pick their own. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sigaction(sig, &sa, NULL);
	sa.sa_handler = on_kick;
	sigaction(KICK, &sa, NULL);
}

static void wait_handler_ran(void)
{
	struct pollfd p = { .fd = selfpipe[0], .events = POLLIN };

	if (poll(&p, 1, LONG_MS) != 1)
		printf("no handler ran\n");
}

static void report(void)
{
	sigset_t pending;

	for (int i = 0; i < NTHREADS; i++) {
		printf("thread %d: ret=", i);
		if (w[i].ret < 0)
			printf("-1 %s", errno_name(w[i].err));
		else
			printf("%ld", w[i].ret);
		printf(" handled=%d kicked=%d\n", atomic_load(&handled_by[i]),
		       atomic_load(&kicked[i]));
	}
	sigpending(&pending);
	printf("elsewhere=%d pending=%d\n", atomic_load(&handled_elsewhere),
	       sigismember(&pending, sig));
	fflush(stdout);
}

static void parse(int argc, char **argv)
{
	int opt;

	while ((opt = getopt(argc, argv, "+s:f:l:")) != -1) {
		if (opt == 's' && (sig = sig_parse(optarg)) < 0)
			die("unknown signal %s", optarg);
		else if (opt == 'f')
			from_ext = strcmp(optarg, "kill") != 0;
		else if (opt == 'l')
			linger_ms = atoi(optarg);
		else if (opt == '?')
			exit(2);
	}
	if (argc - optind != 2)
		die("usage: sigthreads [-s SIG] [-f ext|kill] [-l MS] CALL K");
	call = argv[optind];
	k = atoi(argv[optind + 1]) % NTHREADS;
	if (strcmp(call, "nanosleep") && strcmp(call, "poll") && strcmp(call, "epoll_wait"))
		die("unknown call %s", call);
}

int main(int argc, char **argv)
{
	parse(argc, argv);
	if (pipe2(selfpipe, O_CLOEXEC) < 0 || pipe2(armpipe, O_CLOEXEC) < 0)
		die("pipe: %m");
	install();
	start_workers();
	if (from_ext) {
		printf("READY\n");
		fflush(stdout);
	} else {
		kill(getpid(), sig);
	}
	wait_handler_ran();
	for (int i = 0; i < NTHREADS; i++)
		if (i != k)
			pthread_kill(w[i].th, KICK);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(w[i].th, NULL);
	if (linger_ms > 0)
		sleep_ms(linger_ms);
	report();
	return 0;
}
