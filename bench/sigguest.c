// SPDX-License-Identifier: MIT
/*
 * Signal latency guest.  Loops: writes a READY record to fd 3, then
 * blocks (MODE: sleep, futex, pipe, poll or busy) until SIGINT's
 * handler has run.  The handler writes a TIME record with the
 * CLOCK_MONOTONIC time at which it ran; the driver (bt siglat) took
 * the same clock just before kill(), so the difference is the latency.
 */
#include <errno.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

static volatile sig_atomic_t got;

static void on_int(int sig)
{
	struct bench_rec r = {.type = REC_TIME};
	struct timespec ts;
	int saved = errno;

	(void)sig;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	r.value = ts.tv_sec * 1000000000LL + ts.tv_nsec;
	if (write(BENCH_FD, &r, sizeof(r)) != sizeof(r))
		_exit(0);
	got = 1;
	errno = saved;
}

int main(int argc, char **argv)
{
	struct bench_rec ready = {.type = REC_READY};
	struct timespec long_sleep = {1000, 0};
	struct sigaction sa;
	static int futex_word;
	const char *mode = argc > 1 ? argv[1] : "sleep";
	int p[2];
	char c;

	if (pipe(p) < 0) {
		perror("pipe");
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_int; /* no SA_RESTART: blocking calls fail EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	for (;;) {
		got = 0;
		if (write(BENCH_FD, &ready, sizeof(ready)) != sizeof(ready))
			return 0; /* the driver has gone */
		while (!got) {
			if (!strcmp(mode, "sleep")) {
				nanosleep(&long_sleep, NULL);
			} else if (!strcmp(mode, "futex")) {
				syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL,
					0);
			} else if (!strcmp(mode, "pipe")) {
				if (read(p[0], &c, 1) >= 0)
					return 1;
			} else if (!strcmp(mode, "poll")) {
				struct pollfd pfd = {.fd = p[0], .events = POLLIN};

				poll(&pfd, 1, -1);
			} else if (!strcmp(mode, "busy")) {
				;
			} else {
				fprintf(stderr, "sigguest: unknown mode %s\n", mode);
				return 2;
			}
		}
	}
}
