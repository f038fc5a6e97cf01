// SPDX-License-Identifier: MIT
/*
 * For tests/e2e/interrupt.sh: the classic EINTR bug.  A SIGALRM handler
 * is installed without SA_RESTART (say, for a watchdog that never fires
 * on the developer's machine), and the three 100 ms waits below treat
 * any failure as fatal.  A signal that lands during a wait makes it
 * fail with EINTR and the program give up; natively that takes a busy
 * machine and bad luck, under --interrupt it happens every time.
 * stdout says which wait failed; stderr how often the handler ran.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t handled;

static void on_alarm(int sig)
{
	(void)sig;
	handled++;
}

static void report_handler(void)
{
	fprintf(stderr, "handler ran %d time%s\n", (int)handled, handled == 1 ? "" : "s");
}

int main(void)
{
	struct sigaction sa = {.sa_handler = on_alarm}; /* the bug: no SA_RESTART, no retry */

	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int i = 1; i <= 3; i++) {
		struct timespec ts = {0, 100 * 1000 * 1000};

		if (nanosleep(&ts, NULL) < 0) {
			printf("wait %d: %s\n", i, strerror(errno));
			report_handler();
			return 1;
		}
		printf("wait %d done\n", i);
	}
	printf("all waits done\n");
	report_handler();
	return 0;
}
