/* SPDX-License-Identifier: MIT */
/*
 * -e inject=...:delay_enter=/delay_exit=: threads held in a ptrace-stop
 * until a deadline.  One timerfd, armed for the earliest deadline,
 * wakes the tracer's loop (through the doorbell); nothing sleeps, so
 * the other threads and processes run on meanwhile.
 */
#ifndef PTSANDBOX_TRACE_DELAY_H
#define PTSANDBOX_TRACE_DELAY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* Where a held thread goes on from when its delay is over. */
enum delay_kind {
	DELAY_ENTRY,	    /* its seccomp stop, not handled yet */
	DELAY_RESUME,	    /* resume(), with the signal */
	DELAY_RESUME_ENTRY, /* resume_entry() */
};

/* The timerfd (made on first use); -1 on failure. */
int delay_fd(void);
/* Hold tid for ns nanoseconds from now; false if it cannot be (no memory). */
bool delay_hold(pid_t tid, int64_t ns, enum delay_kind kind, int sig);
/* Clear the timerfd (the doorbell polls it). */
void delay_ack(void);
/* A hold whose deadline has passed, taken off the list; false if none. */
bool delay_due(pid_t *tid, enum delay_kind *kind, int *sig);
/* Is tid held?  Then *left_ns is the time left. */
bool delay_held(pid_t tid, int64_t *left_ns);
/* tid is gone: its hold too. */
void delay_forget(pid_t tid);
void delay_finish(void);

#endif
