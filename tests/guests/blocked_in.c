// SPDX-License-Identifier: MIT
/*
 * blocked_in KIND: which system call a thread sleeps in while it waits
 * in KIND (futex, nanosleep, poll), as /proc/self/task/TID/syscall
 * tells.  Natively that is the call itself; a call ptsandbox emulates
 * sleeps in its parking ppoll instead, and one it leaves to the kernel
 * (--native) in the call itself again.  The waiter is then woken as
 * the kind allows and the program exits 0.  KIND hang: a futex wait
 * that nothing ends, joined by the main thread.
 */
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static const char *kind;
static atomic_int tid;
static uint32_t word;
static int pipefd[2];

static void *waiter(void *arg)
{
	struct timespec ts = {30, 0};
	struct pollfd p = {.events = POLLIN};

	(void)arg;
	atomic_store(&tid, (int)syscall(SYS_gettid));
	if (!strcmp(kind, "futex") || !strcmp(kind, "hang")) {
		while (atomic_load((atomic_uint *)&word) == 0)
			syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	} else if (!strcmp(kind, "nanosleep")) {
		nanosleep(&ts, NULL); /* ended by SIGUSR1's handler */
	} else {
		p.fd = pipefd[0];
		poll(&p, 1, -1);
	}
	return NULL;
}

/* The syscall number a sleeping thread is in; -1 until it sleeps. */
static long sleeping_in(pid_t t)
{
	char path[64], buf[256], *p;
	long nr = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)t);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (!fgets(buf, sizeof(buf), f) || !(p = strrchr(buf, ')')) || p[2] != 'S') {
		fclose(f);
		return -1;
	}
	fclose(f);
	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", (int)t);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &nr) != 1)
		nr = -1;
	fclose(f);
	return nr;
}

static const char *name_of(long nr)
{
	if (nr == SYS_futex)
		return "futex";
	if (nr == SYS_ppoll)
		return "ppoll";
#ifdef SYS_poll
	if (nr == SYS_poll)
		return "poll";
#endif
	if (nr == SYS_nanosleep)
		return "nanosleep";
	if (nr == SYS_clock_nanosleep)
		return "clock_nanosleep";
	return "another call";
}

static void on_usr1(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct sigaction sa = {.sa_handler = on_usr1};
	pthread_t th;
	long nr;

	if (argc != 2 || pipe(pipefd))
		return 2;
	kind = argv[1];
	sigaction(SIGUSR1, &sa, NULL);
	pthread_create(&th, NULL, waiter, NULL);
	while (!atomic_load(&tid))
		sched_yield();
	/* hang: both threads wait for ever (for --timeout's dump). */
	if (!strcmp(kind, "hang"))
		pthread_join(th, NULL);
	while ((nr = sleeping_in(atomic_load(&tid))) < 0)
		usleep(1000);
	printf("%s: sleeps in %s\n", kind, name_of(nr));
	atomic_store((atomic_uint *)&word, 1);
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	if (write(pipefd[1], "x", 1) != 1)
		return 2;
	pthread_kill(th, SIGUSR1);
	pthread_join(th, NULL);
	return 0;
}
