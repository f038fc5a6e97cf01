// SPDX-License-Identifier: MIT
/*
 * The wait object and its state machine: allocation and reference
 * counting, the one compare-and-swap that decides an outcome, cancel,
 * the time helpers, and the completion queue that carries the
 * watcher's outcomes to the tracer loop.  It calls nothing else in
 * emul/ but timespec.c: the families, the watcher, parking and
 * settling are above it.
 */
#include "config.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "../restart.h"
#include "../resume.h"
#include "../task.h"
#include "wait.h"

static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ewait_queue done;
static int done_fd = -1;

int completions_init(void)
{
	done_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	return done_fd;
}

static void completions_push(struct ewait *ew)
{
	uint64_t one = 1;
	ssize_t unused;

	atomic_fetch_add(&ew->refs, 1); /* the queue's reference */
	pthread_mutex_lock(&done_lock);
	ewait_queue_push(&done, ew);
	pthread_mutex_unlock(&done_lock);
	unused = write(done_fd, &one, sizeof(one));
	(void)unused;
}

struct ewait *completions_pop(void)
{
	struct ewait *ew;

	pthread_mutex_lock(&done_lock);
	ew = ewait_queue_pop(&done);
	pthread_mutex_unlock(&done_lock);
	return ew;
}

int completions_fd(void)
{
	return done_fd;
}

int64_t ewait_remaining_ns(const struct ewait *ew)
{
	struct timespec now;
	int64_t left;

	clock_gettime(ew->clock, &now);
	left = ts_to_ns(&ew->deadline) - ts_to_ns(&now);
	return left > 0 ? left : 0;
}

void ewait_set_relative(struct ewait *ew, clockid_t clock, int64_t rel_ns)
{
	struct timespec now;

	clock_gettime(clock, &now);
	ew->has_deadline = true;
	ew->clock = clock;
	ew->deadline = ns_to_ts(ts_to_ns(&now) + rel_ns);
}

int ewait_remaining_ms(const struct ewait *ew)
{
	int64_t ns = ewait_remaining_ns(ew);

	return (int)((ns + 999999) / 1000000);
}

struct ewait *ewait_new(struct task *t, const struct ewait_ops *ops, long nr,
			const uint64_t args[6])
{
	struct ewait *ew = calloc(1, sizeof(*ew));

	if (!ew)
		return NULL;
	ew->ops = ops;
	ew->task = t;
	ew->tid = t->tid;
	ew->nr = nr;
	memcpy(ew->args, args, sizeof(ew->args));
	ew->restart = ERESTARTNOHAND;
	ew->clock = CLOCK_MONOTONIC;
	clock_gettime(CLOCK_MONOTONIC, &ew->start);
	atomic_init(&ew->state, EW_WAITING);
	atomic_init(&ew->refs, 1);
	return ew;
}

void ewait_put(struct ewait *ew)
{
	if (atomic_fetch_sub(&ew->refs, 1) != 1)
		return;
	if (ew->ops->release)
		ew->ops->release(ew);
	for (int i = 0; i < ew->npfds; i++)
		if (ew->pfds[i].fd >= 0)
			close(ew->pfds[i].fd);
	free(ew->pfds);
	free(ew);
}

/* The outcome is written only by the winner of WAITING -> FINISHING. */
bool ewait_publish(struct ewait *ew, enum ewait_outcome outcome, int64_t result)
{
	int expected = EW_WAITING;

	if (!atomic_compare_exchange_strong(&ew->state, &expected, EW_FINISHING))
		return false;
	ew->outcome = outcome;
	ew->result = result;
	atomic_store(&ew->state, EW_DONE);
	return true;
}

bool ewait_finish(struct ewait *ew, enum ewait_outcome outcome, int64_t result)
{
	if (!ewait_publish(ew, outcome, result))
		return false;
	completions_push(ew);
	return true;
}

/*
 * The tracer itself may ptrace: it wakes the parked thread at once
 * instead of queueing a completion for its own loop to find.
 */
bool ewait_finish_here(struct ewait *ew, enum ewait_outcome outcome, int64_t result)
{
	struct task *t = ew->task;

	if (!ewait_publish(ew, outcome, result))
		return false;
	if (t && t->wait == ew)
		interrupt(t);
	return true;
}

/*
 * Tracer thread: cancel ew unless its outcome is already decided.
 * Returns false if it is (and then waits out the few stores between
 * the finisher's compare-and-swap and DONE).
 */
bool ewait_claim(struct ewait *ew)
{
	int expected = EW_WAITING;

	if (atomic_compare_exchange_strong(&ew->state, &expected, EW_CANCELLED))
		return true;
	while (atomic_load(&ew->state) == EW_FINISHING)
		sched_yield();
	return false;
}
