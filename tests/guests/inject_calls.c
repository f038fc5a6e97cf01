// SPDX-License-Identifier: MIT
/*
 * For tests/e2e/inject.sh: six chdir("/") calls and two 1 ms sleeps,
 * each result printed, with a SIGUSR1 handler that says when it runs
 * and with which si_code.
 * Under -e inject= the results and the handler runs show what was
 * injected where.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The si_code too: strace's injected signal carries SI_KERNEL. */
static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	char msg[] = "handler si_code=-000\n";
	int code = si->si_code, i = 20;
	ssize_t unused;

	(void)sig;
	(void)uc;
	msg[16] = code < 0 ? '-' : '+';
	code = code < 0 ? -code : code;
	while (i > 17) {
		msg[--i] = (char)('0' + code % 10);
		code /= 10;
	}
	unused = write(1, msg, sizeof(msg) - 1);
	(void)unused;
}

int main(void)
{
	struct timespec ts = {0, 1000000};
	struct sigaction sa = {.sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO};

	sigaction(SIGUSR1, &sa, NULL);
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
