// SPDX-License-Identifier: MIT
/*
 * futex ping-pong: two threads hand a token back and forth N times,
 * each waiting in FUTEX_WAIT_PRIVATE until the other wakes it.  Every
 * round trip is two waits that block and two wakes that find a waiter:
 * the worst case for an emulated futex.  Prints the elapsed time in
 * nanoseconds.
 */
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static atomic_int turn;
static long rounds;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void play(int me)
{
	for (long i = 0; i < rounds; i++) {
		int cur;

		while ((cur = atomic_load(&turn)) != me)
			syscall(SYS_futex, &turn, FUTEX_WAIT_PRIVATE, cur, NULL, NULL, 0);
		atomic_store(&turn, !me);
		syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
}

static void *other(void *arg)
{
	(void)arg;
	play(1);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	long long t0;

	rounds = argc > 1 ? atol(argv[1]) : 10000;
	t0 = now_ns();
	if (pthread_create(&th, NULL, other, NULL) != 0)
		return 1;
	play(0);
	pthread_join(th, NULL);
	printf("%lld\n", now_ns() - t0);
	return 0;
}
