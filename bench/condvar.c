// SPDX-License-Identifier: MIT
/*
 * Producer/consumer hand-over through a bounded queue guarded by a
 * mutex and two condition variables, every wait timed (as CPython's
 * queue.Queue.get(timeout=...) and put(timeout=...) do): the shape
 * of CPython's test_queue, where timed futex waits dominate.  Two
 * producers and two consumers move N items through a queue of 4
 * slots.  The timeouts never expire; they only make each wait a
 * timed FUTEX_WAIT_BITSET.  Prints the elapsed time in nanoseconds.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define SLOTS	  4
#define PRODUCERS 2
#define CONSUMERS 2

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty, not_full;
static long queue_len, per_thread;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* A deadline one second away: never reached, but makes the wait timed. */
static struct timespec deadline(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += 1;
	return ts;
}

static void timed_wait(pthread_cond_t *cv)
{
	struct timespec ts = deadline();
	int err = pthread_cond_timedwait(cv, &lock, &ts);

	if (err && err != ETIMEDOUT)
		abort();
}

static void *producer(void *arg)
{
	(void)arg;
	for (long i = 0; i < per_thread; i++) {
		pthread_mutex_lock(&lock);
		while (queue_len == SLOTS)
			timed_wait(&not_full);
		queue_len++;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	for (long i = 0; i < per_thread; i++) {
		pthread_mutex_lock(&lock);
		while (queue_len == 0)
			timed_wait(&not_empty);
		queue_len--;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void init_cond(pthread_cond_t *cv)
{
	pthread_condattr_t attr;

	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(cv, &attr);
	pthread_condattr_destroy(&attr);
}

int main(int argc, char **argv)
{
	pthread_t th[PRODUCERS + CONSUMERS];
	long long t0;
	int i;

	per_thread = (argc > 1 ? atol(argv[1]) : 20000) / PRODUCERS;
	init_cond(&not_empty);
	init_cond(&not_full);
	t0 = now_ns();
	for (i = 0; i < PRODUCERS; i++)
		if (pthread_create(&th[i], NULL, producer, NULL) != 0)
			return 1;
	for (; i < PRODUCERS + CONSUMERS; i++)
		if (pthread_create(&th[i], NULL, consumer, NULL) != 0)
			return 1;
	for (i = 0; i < PRODUCERS + CONSUMERS; i++)
		pthread_join(th[i], NULL);
	printf("%lld\n", now_ns() - t0);
	return 0;
}
