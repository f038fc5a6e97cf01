// SPDX-License-Identifier: MIT
/*
 * For tests/e2e/inject.sh: six chdir("/") calls and two 1 ms sleeps,
 * each result printed, with a SIGUSR1 handler that says when it runs.
 * Under -e inject= the results and the handler runs show what was
 * injected where.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	static const char msg[] = "handler\n";
	ssize_t unused = write(1, msg, sizeof(msg) - 1);

	(void)sig;
	(void)unused;
}

int main(void)
{
	struct timespec ts = {0, 1000000};

	signal(SIGUSR1, on_usr1);
	for (int i = 1; i <= 6; i++) {
		int r = chdir("/");

		printf("chdir %d: %d %s\n", i, r, r < 0 ? strerror(errno) : "ok");
		fflush(stdout);
	}
	for (int i = 1; i <= 2; i++) {
		int r = nanosleep(&ts, NULL);

		printf("nanosleep %d: %d %s\n", i, r, r < 0 ? strerror(errno) : "ok");
		fflush(stdout);
	}
	return 0;
}
