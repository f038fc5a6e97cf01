// SPDX-License-Identifier: MIT
/*
 * The held threads of -e inject's delays, and the timerfd that says
 * when the first of them is due (see delay.h).
 */
#include "config.h"

#include <stdlib.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "trace/delay.h"

struct hold {
	pid_t tid;
	int64_t deadline; /* CLOCK_MONOTONIC, ns */
	enum delay_kind kind;
	int sig;
};

static struct hold *holds;
static size_t nholds, cap;
static int tfd = -1;

static int64_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int delay_fd(void)
{
	if (tfd < 0)
		tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	return tfd;
}

/* The timer for the earliest deadline, or disarmed. */
static void rearm(void)
{
	struct itimerspec its = {0};
	int64_t first = 0;

	for (size_t i = 0; i < nholds; i++)
		if (!i || holds[i].deadline < first)
			first = holds[i].deadline;
	if (nholds) {
		/* A zero it_value disarms: a deadline already past is 1 ns. */
		if (first < 1)
			first = 1;
		its.it_value.tv_sec = first / 1000000000;
		its.it_value.tv_nsec = first % 1000000000;
	}
	if (delay_fd() < 0 || timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL) < 0)
		psb_perror("cannot arm the inject delay timer");
}

bool delay_hold(pid_t tid, int64_t ns, enum delay_kind kind, int sig)
{
	int64_t t = now();

	if (nholds == cap) {
		size_t ncap = cap ? cap * 2 : 8;
		struct hold *n = realloc(holds, ncap * sizeof(*n));

		if (!n)
			return false;
		holds = n;
		cap = ncap;
	}
	holds[nholds++] = (struct hold){tid, ns > INT64_MAX - t ? INT64_MAX : t + ns, kind, sig};
	rearm();
	return true;
}

void delay_ack(void)
{
	uint64_t n;
	ssize_t unused;

	if (tfd < 0)
		return;
	unused = read(tfd, &n, sizeof(n));
	(void)unused;
}

static void take(size_t i)
{
	holds[i] = holds[--nholds];
}

bool delay_due(pid_t *tid, enum delay_kind *kind, int *sig)
{
	int64_t t = now();

	for (size_t i = 0; i < nholds; i++) {
		if (holds[i].deadline > t)
			continue;
		*tid = holds[i].tid;
		*kind = holds[i].kind;
		*sig = holds[i].sig;
		take(i);
		rearm();
		return true;
	}
	return false;
}

bool delay_held(pid_t tid, int64_t *left_ns)
{
	for (size_t i = 0; i < nholds; i++) {
		if (holds[i].tid == tid) {
			int64_t left = holds[i].deadline - now();

			*left_ns = left > 0 ? left : 0;
			return true;
		}
	}
	return false;
}

void delay_forget(pid_t tid)
{
	for (size_t i = 0; i < nholds; i++) {
		if (holds[i].tid == tid) {
			take(i);
			rearm();
			return;
		}
	}
}

void delay_finish(void)
{
	free(holds);
	holds = NULL;
	nholds = cap = 0;
	if (tfd >= 0)
		close(tfd);
	tfd = -1;
}
