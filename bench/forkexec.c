// SPDX-License-Identifier: MIT
/*
 * fork/exec loop: N times fork, exec this program again (which exits at
 * once), and wait for it.  Every round is a new traced process: fork
 * and exec events, the dynamic loader's syscalls, an exit.  Prints the
 * loop's elapsed time in nanoseconds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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
	long n = argc > 1 ? atol(argv[1]) : 200;
	long long t0, t1;

	if (argc > 1 && strcmp(argv[1], "-") == 0)
		return 0; /* the exec'd child */
	t0 = now_ns();
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		int status;

		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			execl("/proc/self/exe", argv[0], "-", (char *)NULL);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
			fprintf(stderr, "forkexec: child failed\n");
			return 1;
		}
	}
	t1 = now_ns();
	printf("%lld\n", t1 - t0);
	return 0;
}
