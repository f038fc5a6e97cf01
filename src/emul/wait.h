/* SPDX-License-Identifier: MIT */
/*
 * One emulated wait, shared between the tracer thread and the worker
 * that performs it.  Exactly one outcome is ever produced: the worker
 * (or the tracer waking a futex waiter) moves state WAITING ->
 * FINISHING -> DONE, writing the outcome in between; the tracer moves
 * WAITING -> CANCELLED (a handled signal arrived).  Whichever
 * compare-and-swap wins decides between the call's result and
 * EINTR/restart, and the loser writes nothing.
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
	/* Worker thread: block until ready, timeout or cancel_fd. */
	void (*work)(struct ewait *ew);
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
	atomic_int refs; /* tracer's t->wait + the worker's */
	int cancel_fd;	 /* eventfd: the interruption source, polled by the worker */

	/* Timeout: an absolute deadline on clock (has_deadline false: none). */
	bool has_deadline;
	clockid_t clock;
	struct timespec deadline;

	/* Awaited fds, duplicated from the guest; the worker polls them. */
	struct pollfd *pfds;
	int npfds;

	/* Written by the worker before DONE. */
	enum ewait_outcome outcome;
	int64_t result;

	void *priv;	    /* per-family data, freed by ops->release */
	struct ewait *next; /* worker queue / completion queue */
};

/* Allocate a wait for t's current syscall with the given ops. */
struct ewait *ewait_new(struct task *t, const struct ewait_ops *ops, long nr,
			const uint64_t args[6]);
void ewait_put(struct ewait *ew);
/*
 * Park t in the kernel (ppoll under mask_ptr, 0: the thread's mask)
 * and hand ew to a worker.  regs are t's registers at the seccomp stop.
 */
int ewait_start(struct ewait *ew, struct arch_regs *regs, uint64_t mask_ptr);

/* Worker helpers. */
/* Poll pfds plus cancel_fd until ready, deadline or cancel. */
int ewait_poll(struct ewait *ew);
/*
 * Sleep until the absolute deadline on clock (a timerfd, so it follows
 * clock_settime) or until ew is cancelled.  Returns 1 at the deadline,
 * 0 when cancelled, -1 when no timer could be set up.
 */
int ewait_sleep_until(struct ewait *ew, clockid_t clock, const struct timespec *deadline);
/* Tell ew's worker, if any, to stop waiting (its outcome is decided). */
void ewait_cancel(struct ewait *ew);
/* Publish the outcome unless cancelled (returns false if cancelled). */
bool ewait_finish(struct ewait *ew, enum ewait_outcome outcome, int64_t result);
/* The same, from the tracer thread: wakes the parked thread directly. */
bool ewait_finish_here(struct ewait *ew, enum ewait_outcome outcome, int64_t result);

/* Time helpers (and timespec.h's). */
/* Remaining time until ew's deadline, clamped at 0. */
int64_t ewait_remaining_ns(const struct ewait *ew);
/* Deadline = now(clock) + rel. */
void ewait_set_relative(struct ewait *ew, clockid_t clock, int64_t rel_ns);

/* Shared by the fd-waiting families (poll.c). */
/*
 * Swap each guest fd in pfds for a supervisor duplicate (negative fds
 * stay, and are ignored by poll).  Returns -1 if a guest fd is not
 * open, which the real call would report itself.
 */
int borrow_fds(struct task *t, struct pollfd *pfds, int n);
/*
 * Would polling pfds from the supervisor change what the guest's own
 * call sees?  A procfs mounts file (/proc/PID/mounts, mountinfo)
 * reports a mount change as POLLPRI|POLLERR to the first poll after
 * it only, so the supervisor must leave such sets to the kernel.
 */
bool poll_consumes(const struct pollfd *pfds, int n);
/* Would poll() on pfds return at once? */
bool ready_now(struct pollfd *pfds, int n);
/* Validate a guest sigmask argument (NULL is valid); true if usable. */
bool guest_sigmask_ok(pid_t tid, uint64_t mask, uint64_t size);
/* Milliseconds left, rounded up, for an int timeout argument. */
int ewait_remaining_ms(const struct ewait *ew);

/* Per-family entry points, called at the seccomp stop. */
bool emul_sleep(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_poll(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_select(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_epoll(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_childwait(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_sigwait(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_futex(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
/* prctl/seccomp asking for SECCOMP_MODE_STRICT (seccomp_strict.c): never emulated, rewritten. */
bool emul_seccomp_strict(struct task *t, int sysid, const uint64_t args[6],
			 struct arch_regs *regs);
/* A seccomp stop of a strict-mode thread's forbidden call: kill it; true if it was one. */
bool emul_strict_violation(struct task *t, uint32_t ret_data);

/* Worker pool (workers.c). */
int workers_init(void);
void workers_submit(struct ewait *ew);
/* Completion queue: pushed by workers, drained by the tracer. */
void completions_push(struct ewait *ew);
struct ewait *completions_pop(void);
int completions_fd(void);

#endif
