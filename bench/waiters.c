// SPDX-License-Identifier: MIT
/*
 * Thread scaling guest: N threads, each blocked in an emulated wait
 * (MODE sleep: nanosleep of 1000 s; poll: poll on a pipe nobody
 * writes).  Writes its pid (an int) to fd 3, then one byte per thread
 * just before the thread blocks; the main thread blocks likewise.
 */
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

static int use_poll;
static int pfd[2];

static void block_forever(void)
{
	struct timespec ts = {1000, 0};
	struct pollfd p = {.fd = pfd[0], .events = POLLIN};

	for (;;) {
		if (use_poll)
			poll(&p, 1, -1);
		else
			nanosleep(&ts, NULL);
	}
}

static void *waiter(void *arg)
{
	char c = 'w';

	(void)arg;
	if (write(BENCH_FD, &c, 1) != 1)
		_exit(1);
	block_forever();
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	pthread_attr_t attr;
	pthread_t th;
	int pid = getpid();
	int i, err;

	use_poll = argc > 2 && !strcmp(argv[2], "poll");
	if (pipe(pfd) < 0 || write(BENCH_FD, &pid, sizeof(pid)) != sizeof(pid)) {
		perror("waiters");
		return 1;
	}
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < n; i++) {
		err = pthread_create(&th, &attr, waiter, NULL);
		if (err) {
			fprintf(stderr, "waiters: pthread_create: %s\n", strerror(err));
			return 1;
		}
	}
	block_forever();
}
