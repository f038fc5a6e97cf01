// SPDX-License-Identifier: MIT
/*
 * futex ping-pong: two threads hand a token back and forth N times,
 * each waiting in FUTEX_WAIT_PRIVATE until the other wakes it.  Every
 * round trip is two waits that block and two wakes that find a waiter:
 * the worst case for an emulated futex.  Prints the elapsed time in
 * nanoseconds.
 *
 * usage: futexpp [ROUNDS [IDLE]]: IDLE more threads wait, each on a word
 * of its own, through the whole game, so a supervisor that lists its
 * waiters has that many unrelated ones to pass over on every wake.
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
static atomic_int *idle_words; /* 0 while the game runs */
static atomic_int idle_ready;

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

static void *idle(void *arg)
{
	atomic_int *word = arg;

	atomic_fetch_add(&idle_ready, 1);
	while (atomic_load(word) == 0)
		syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

/* Starts n idle waiters and returns once all are (about to be) waiting. */
static pthread_t *start_idle(long n)
{
	pthread_t *ths = calloc((size_t)n, sizeof(*ths));
	pthread_attr_t attr;

	idle_words = calloc((size_t)n, sizeof(*idle_words));
	if (!ths || !idle_words)
		exit(1);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (long i = 0; i < n; i++)
		if (pthread_create(&ths[i], &attr, idle, &idle_words[i]) != 0)
			exit(1);
	while (atomic_load(&idle_ready) < n)
		usleep(1000);
	usleep(100000); /* the last ones from "ready" into their FUTEX_WAIT */
	return ths;
}

static void stop_idle(pthread_t *ths, long n)
{
	for (long i = 0; i < n; i++) {
		atomic_store(&idle_words[i], 1);
		syscall(SYS_futex, &idle_words[i], FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
	for (long i = 0; i < n; i++)
		pthread_join(ths[i], NULL);
}

int main(int argc, char **argv)
{
	long nidle = argc > 2 ? atol(argv[2]) : 0;
	pthread_t th, *idlers = nidle > 0 ? start_idle(nidle) : NULL;
	long long t0, t;

	rounds = argc > 1 ? atol(argv[1]) : 10000;
	t0 = now_ns();
	if (pthread_create(&th, NULL, other, NULL) != 0)
		return 1;
	play(0);
	pthread_join(th, NULL);
	t = now_ns() - t0;
	if (idlers)
		stop_idle(idlers, nidle);
	printf("%lld\n", t);
	return 0;
}
