/* SPDX-License-Identifier: MIT */
/*
 * The wait object (wait.c): one emulated wait, shared between the
 * tracer thread and the watcher thread that waits for it.  Nothing in
 * emul/ sits below it but timespec.c; the families, the watcher
 * (watch.c), parking (park.c) and settling (settle.c) are built on it.
 * Exactly one outcome is ever produced: the watcher (or the tracer
 * waking a futex waiter) moves state WAITING -> FINISHING -> DONE,
 * writing the outcome in between; the tracer moves WAITING -> CANCELLED (a handled signal arrived).
 * Whichever compare-and-swap wins decides between the call's result and EINTR/restart, and the
 * loser writes nothing.
 */
#ifndef PTSANDBOX_EMUL_WAIT_H
#define PTSANDBOX_EMUL_WAIT_H

#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "../arch/arch.h"
#include "timespec.h"

struct task;
struct ewait;

enum ewait_state { EW_WAITING, EW_FINISHING, EW_DONE, EW_CANCELLED };

enum ewait_outcome {
	EW_RETURN, /* the syscall returns ewait.result */
	EW_RERUN,  /* the guest re-executes the syscall natively: it won't block */
};

struct ewait_ops {
	const char *name;
	/* The real call returns EINTR, not a restart, after a stop (epoll). */
	bool eintr_on_stop;
	/*
	 * Watcher thread (watch.c): the awaited fds are ready (n > 0 of
	 * them, revents set in pfds) or the deadline has passed (n == 0);
	 * publishes the outcome with ewait_finish.  NULL: the call is not
	 * watched, the tracer itself ends it (an untimed futex wait).
	 */
	void (*ready)(struct ewait *ew, int n);
	/* Tracer thread, before settling with a result: write outputs. */
	void (*done)(struct ewait *ew, struct arch_regs *regs);
	/*
	 * Tracer thread, when a signal interrupts: write outputs (rem...).
	 * Returns 0, or the -errno the call returns instead of its
	 * EINTR/restart (nanosleep's -EFAULT when *rem cannot be written).
	 */
	int (*interrupted)(struct ewait *ew);
	/*
	 * Tracer thread, at a signal-delivery-stop: the call itself takes
	 * sig (rt_sigtimedwait's set) instead of the kernel delivering it.
	 * Returns the call's result, or 0 to let the signal be delivered.
	 */
	int64_t (*takes_signal)(struct ewait *ew, int sig, const siginfo_t *si);
	void (*release)(struct ewait *ew);
};

struct ewait {
	const struct ewait_ops *ops;
	struct task *task; /* NULL once settled or the task is gone */
	pid_t tid;
	long nr;
	uint64_t args[6];
	int restart;	       /* ERESTART* the kernel applies if a handler runs */
	struct timespec start; /* CLOCK_MONOTONIC at the call: hang reports say "for N s" */
	bool own_mask;	       /* the call installs its own mask while parked... */
	uint64_t thread_mask;  /* ...over this one, the thread's (own_mask only) */

	atomic_int state;
	atomic_int refs; /* tracer's t->wait + the watch's + the completion queue's */
	int watch;	 /* the watcher's slot + 1, 0: not watched (the watcher's lock) */

	/* Timeout: an absolute deadline on clock (has_deadline false: none). */
	bool has_deadline;
	clockid_t clock;
	struct timespec deadline;

	/* Awaited fds, duplicated from the guest; the watcher polls them. */
	struct pollfd *pfds;
	int npfds;

	/* Written by the finisher before DONE. */
	enum ewait_outcome outcome;
	int64_t result;

	void *priv;	    /* per-family data, freed by ops->release */
	struct ewait *next; /* the ewait_queue it is on */
};

/*
 * A FIFO of waits, linked through ewait.next: the tracer's completion
 * queue.  Not locked: its owner holds a mutex around push and pop.
 */
struct ewait_queue {
	struct ewait *head, *tail;
	int len;
};

/* Append ew; returns the queue's new length. */
static inline int ewait_queue_push(struct ewait_queue *q, struct ewait *ew)
{
	ew->next = NULL;
	if (q->tail)
		q->tail->next = ew;
	else
		q->head = ew;
	q->tail = ew;
	return ++q->len;
}

/* Take the oldest wait, or NULL. */
static inline struct ewait *ewait_queue_pop(struct ewait_queue *q)
{
	struct ewait *ew = q->head;

	if (!ew)
		return NULL;
	q->head = ew->next;
	if (!q->head)
		q->tail = NULL;
	ew->next = NULL;
	q->len--;
	return ew;
}

/* Allocate a wait for t's current syscall with the given ops. */
struct ewait *ewait_new(struct task *t, const struct ewait_ops *ops, long nr,
			const uint64_t args[6]);
void ewait_put(struct ewait *ew);

/*
 * The state machine.  ewait_publish writes the outcome if it wins
 * WAITING -> FINISHING (false: it lost, to a cancel or another
 * finisher).
 */
bool ewait_publish(struct ewait *ew, enum ewait_outcome outcome, int64_t result);
/* Publish the outcome unless cancelled and queue a completion (false if cancelled). */
bool ewait_finish(struct ewait *ew, enum ewait_outcome outcome, int64_t result);
/* The same, from the tracer thread: wakes the parked thread directly. */
bool ewait_finish_here(struct ewait *ew, enum ewait_outcome outcome, int64_t result);
/*
 * Tracer thread: cancel ew unless its outcome is already decided.
 * Returns false if it is.
 */
bool ewait_claim(struct ewait *ew);

/* Time helpers (and timespec.h's). */
/* Remaining time until ew's deadline, clamped at 0. */
int64_t ewait_remaining_ns(const struct ewait *ew);
/* Milliseconds left, rounded up, for an int timeout argument. */
int ewait_remaining_ms(const struct ewait *ew);
/* Deadline = now(clock) + rel. */
void ewait_set_relative(struct ewait *ew, clockid_t clock, int64_t rel_ns);

/*
 * Completion queue: ewait_finish pushes, the tracer pops when
 * completions_fd (an eventfd, from completions_init) is readable.
 */
int completions_init(void);
struct ewait *completions_pop(void);
int completions_fd(void);

#endif
