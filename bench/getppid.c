// SPDX-License-Identifier: MIT
/*
 * getppid loop: N calls of a syscall that no tracer interposes.  Prints
 * the loop's own elapsed time in nanoseconds, so that the supervisor's
 * start-up cost stays out of the number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000;
	long long t0, t1;
	long i;

	t0 = now_ns();
	for (i = 0; i < n; i++)
		syscall(SYS_getppid); /* not glibc's getppid(): never cached */
	t1 = now_ns();
	printf("%lld\n", t1 - t0);
	return 0;
}
