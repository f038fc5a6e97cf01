// SPDX-License-Identifier: MIT
/*
 * watchers: many emulated waits at once, on every clock a sleep can
 * use, ended by their deadlines, by readiness and by a signal, in an
 * order that is deterministic natively.
 *
 * 24 sleepers each wait until their own deadline, 15 ms apart in a
 * fixed shuffled order, each with a kind of wait chosen by its index
 * (relative nanosleep, absolute clock_nanosleep on CLOCK_MONOTONIC,
 * CLOCK_REALTIME and CLOCK_TAI, relative on CLOCK_BOOTTIME, a timed
 * FUTEX_WAIT that times out).  Prints the ranks in the order they woke
 * (0 1 2 ... natively) and each result.  Then a poll listing one pipe
 * twice, with different events, made ready by a write; then a 10 s
 * sleep that a handled signal interrupts (EINTR, almost all of it
 * left in *rem).
 */
#include <errno.h>
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

#define N	24
#define BASE_MS 150
#define GAP_MS	15

static int64_t t0; /* CLOCK_MONOTONIC, ns */
static atomic_int woke;
static int order[N], result[N];
static uint32_t never_changes;

static int64_t now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct timespec ts_of(int64_t ns)
{
	struct timespec ts = {ns / 1000000000LL, ns % 1000000000LL};

	if (ns < 0)
		ts.tv_sec = ts.tv_nsec = 0;
	return ts;
}

/* Rank r's deadline on clk, from the common CLOCK_MONOTONIC start. */
static int64_t deadline_on(clockid_t clk, int rank)
{
	int64_t mono = t0 + (BASE_MS + rank * GAP_MS) * 1000000LL;

	return clk == CLOCK_MONOTONIC ? mono : now_ns(clk) + (mono - now_ns(CLOCK_MONOTONIC));
}

static int wait_kind(int kind, int rank)
{
	struct timespec ts;

	switch (kind) {
	case 0:
		ts = ts_of(deadline_on(CLOCK_MONOTONIC, rank) - now_ns(CLOCK_MONOTONIC));
		return nanosleep(&ts, NULL) ? errno : 0;
	case 1:
	case 2:
	case 3: {
		static const clockid_t abs[] = {CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_TAI};
		clockid_t clk = abs[kind - 1];

		ts = ts_of(deadline_on(clk, rank));
		return clock_nanosleep(clk, TIMER_ABSTIME, &ts, NULL);
	}
	case 4:
		ts = ts_of(deadline_on(CLOCK_BOOTTIME, rank) - now_ns(CLOCK_BOOTTIME));
		return clock_nanosleep(CLOCK_BOOTTIME, 0, &ts, NULL);
	default:
		ts = ts_of(deadline_on(CLOCK_MONOTONIC, rank) - now_ns(CLOCK_MONOTONIC));
		return syscall(SYS_futex, &never_changes, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0)
			   ? errno
			   : 0;
	}
}

static void *sleeper(void *arg)
{
	int i = (int)(intptr_t)arg, rank = (i * 7) % N;

	result[i] = wait_kind(i % 6, rank);
	order[atomic_fetch_add(&woke, 1)] = rank;
	return NULL;
}

static void sleepers(void)
{
	pthread_t th[N];

	t0 = now_ns(CLOCK_MONOTONIC);
	for (int i = 0; i < N; i++)
		if (pthread_create(&th[i], NULL, sleeper, (void *)(intptr_t)i))
			exit(2);
	for (int i = 0; i < N; i++)
		pthread_join(th[i], NULL);
	printf("woke by rank:");
	for (int i = 0; i < N; i++)
		printf(" %d", order[i]);
	printf("\nresults:");
	for (int i = 0; i < N; i++)
		printf(" %s", result[i] == 0 ? "0" : strerror(result[i]));
	printf("\n");
}

/* Is thread tid asleep in the kernel ("S" in its stat)? */
static int asleep(pid_t tid)
{
	char path[64], buf[256], *p;
	FILE *f;
	int s = 0;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')))
		s = p[2] == 'S';
	fclose(f);
	return s;
}

static int pipefd[2];
static atomic_int poll_tid;

static void *poller(void *arg)
{
	struct pollfd p[3] = {
	    {.fd = pipefd[0], .events = POLLIN},
	    {.fd = pipefd[0], .events = POLLPRI},
	    {.fd = -1, .events = POLLIN},
	};
	int n;

	(void)arg;
	atomic_store(&poll_tid, (int)syscall(SYS_gettid));
	n = poll(p, 3, 5000);
	printf("poll=%d revents=%#x,%#x,%#x\n", n, p[0].revents, p[1].revents, p[2].revents);
	return NULL;
}

static void on_usr1(int sig)
{
	(void)sig;
}

static atomic_int long_tid;

static void *long_sleeper(void *arg)
{
	struct timespec ts = {10, 0}, rem = {0, 0};
	int err;

	(void)arg;
	atomic_store(&long_tid, (int)syscall(SYS_gettid));
	err = clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &rem);
	printf("long sleep: %s, rem > 9 s: %d\n", err ? strerror(err) : "0", rem.tv_sec >= 9);
	return NULL;
}

static void interrupted(void)
{
	struct sigaction sa = {.sa_handler = on_usr1};
	pthread_t th;

	sigaction(SIGUSR1, &sa, NULL);
	pthread_create(&th, NULL, long_sleeper, NULL);
	while (!atomic_load(&long_tid))
		sched_yield();
	/* Asleep after the store: it is in clock_nanosleep (no other wait). */
	while (!asleep(atomic_load(&long_tid)))
		usleep(1000);
	pthread_kill(th, SIGUSR1);
	pthread_join(th, NULL);
}

int main(void)
{
	pthread_t th;

	setvbuf(stdout, NULL, _IONBF, 0);
	sleepers();
	if (pipe(pipefd))
		return 2;
	pthread_create(&th, NULL, poller, NULL);
	while (!atomic_load(&poll_tid))
		sched_yield();
	while (!asleep(atomic_load(&poll_tid)))
		usleep(1000);
	if (write(pipefd[1], "x", 1) != 1)
		return 2;
	pthread_join(th, NULL);
	interrupted();
	return 0;
}
