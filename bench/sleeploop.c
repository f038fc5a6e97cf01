// SPDX-License-Identifier: MIT
/*
 * nanosleep loop: N calls of nanosleep({0, NSEC}).  A request under
 * 100 us (zero: returned from at once) is left to the kernel after its
 * seccomp stop; a longer one is emulated (the watcher times it).
 * Prints the loop's elapsed time in nanoseconds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	long nsec = argc > 2 ? atol(argv[2]) : 1;
	struct timespec req = {0, nsec};
	long long t0, t1;
	long i;

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		if (nanosleep(&req, NULL) < 0 && errno != EINTR) {
			perror("nanosleep");
			return 1;
		}
	}
	t1 = now_ns();
	printf("%lld\n", t1 - t0);
	return 0;
}
