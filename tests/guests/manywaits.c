// SPDX-License-Identifier: MIT
/*
 * manywaits N: N threads block at once in poll() on the same pipe, then
 * one write wakes them all.  Under ptsandbox that is N emulated waits
 * in flight together.  The main thread writes only once every thread
 * sleeps in the kernel (state S in /proc), so the waits really overlap.
 */
#include <dirent.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int wake[2];
static atomic_int started, woke;

static void *waiter(void *arg)
{
	struct pollfd p = {.fd = wake[0], .events = POLLIN};

	(void)arg;
	atomic_fetch_add(&started, 1);
	if (poll(&p, 1, -1) == 1 && (p.revents & POLLIN))
		atomic_fetch_add(&woke, 1);
	return NULL;
}

/* Threads other than main sleeping in the kernel. */
static int sleeping(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char path[300], buf[256], *p;
		FILE *f;

		if (e->d_name[0] == '.' || atoi(e->d_name) == getpid())
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/stat", e->d_name);
		f = fopen(path, "re");
		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')) && p[2] == 'S')
			n++;
		fclose(f);
	}
	closedir(d);
	return n;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	struct timespec ms = {0, 1000000};
	pthread_t *th = calloc((size_t)n, sizeof(*th));
	pthread_attr_t attr;

	if (!th || pipe(wake) < 0)
		return 99;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (int i = 0; i < n; i++)
		if (pthread_create(&th[i], &attr, waiter, NULL)) {
			fprintf(stderr, "manywaits: pthread_create %d failed\n", i);
			return 99;
		}
	while (atomic_load(&started) < n || sleeping() < n)
		nanosleep(&ms, NULL);
	printf("%d threads waiting\n", n);
	if (write(wake[1], "x", 1) != 1)
		return 99;
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	printf("%d woke\n", atomic_load(&woke));
	return 0;
}
