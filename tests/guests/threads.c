// SPDX-License-Identifier: MIT
/*
 * threads N MODE: N threads running at once (a barrier makes sure all
 * of them exist together), each doing some arithmetic and a few
 * syscalls, among them a short sleep, which ptsandbox emulates.
 *
 *   join         main joins them all and prints the sum (exit 0)
 *   worker-exit  the last thread calls exit(3) while main is blocked in
 *                pthread_join and the others in read()
 *   main-exit    main calls pthread_exit first; the last worker to
 *                finish prints the sum and calls exit(5)
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAXTHREADS 256

static int nthreads;
static const char *mode;
static pthread_barrier_t barrier;
static uint64_t partial[MAXTHREADS];
static int blocker[2];	/* a pipe nobody writes to */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int finished;

static uint64_t work(int i)
{
	struct timespec ts = { 0, 1000000 };
	uint64_t sum = 0;

	for (uint64_t j = 0; j < 100000; j++)
		sum += (j * j + (uint64_t)i) % 1000003;
	/* Syscalls from every thread, one of them interposed. */
	if (syscall(SYS_gettid) <= 0 || getpid() <= 0)
		abort();
	nanosleep(&ts, NULL);
	return sum;
}

static uint64_t total(void)
{
	uint64_t sum = 0;

	for (int i = 0; i < nthreads; i++)
		sum += partial[i];
	return sum;
}

static void *thread_main(void *arg)
{
	int i = (int)(intptr_t)arg;
	char c;

	pthread_barrier_wait(&barrier);
	partial[i] = work(i);
	if (strcmp(mode, "worker-exit") == 0) {
		if (i != nthreads - 1) {
			if (read(blocker[0], &c, 1) < 0)
				abort();
			return NULL;
		}
		printf("worker %d exiting with 3\n", i);
		fflush(stdout);
		exit(3);
	}
	if (strcmp(mode, "main-exit") == 0) {
		pthread_mutex_lock(&lock);
		if (++finished == nthreads) {
			printf("last worker: sum %llu\n", (unsigned long long)total());
			fflush(stdout);
			exit(5);
		}
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t tids[MAXTHREADS];

	nthreads = argc > 1 ? atoi(argv[1]) : 50;
	mode = argc > 2 ? argv[2] : "join";
	if (nthreads < 1 || nthreads > MAXTHREADS || pipe(blocker) < 0)
		return 2;
	pthread_barrier_init(&barrier, NULL, (unsigned)nthreads);
	printf("%d threads, mode %s\n", nthreads, mode);
	fflush(stdout);
	for (int i = 0; i < nthreads; i++)
		if (pthread_create(&tids[i], NULL, thread_main, (void *)(intptr_t)i) != 0)
			return 1;
	if (strcmp(mode, "main-exit") == 0)
		pthread_exit(NULL);
	for (int i = 0; i < nthreads; i++)
		pthread_join(tids[i], NULL);
	printf("joined %d threads: sum %llu\n", nthreads, (unsigned long long)total());
	return 0;
}
