/* SPDX-License-Identifier: MIT */
/*
 * The doorbell: a child process whose stop wakes the tracer's blocking
 * wait4() for everything that is not a ptrace stop (host signals,
 * worker completions, the --timeout timer).  See doorbell.c and
 * doc/design.md, section 3.
 */
#ifndef PTSANDBOX_DOORBELL_H
#define PTSANDBOX_DOORBELL_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Start the bell, which rings when done_fd or timer_fd (-1: none) is
 * readable, and the thread that rings it when signal_fd is.  0, or -1
 * with errno set.
 */
int doorbell_start(int signal_fd, int done_fd, int timer_fd);
/* Is pid the bell?  Its statuses come from the tracer's own wait4(). */
bool doorbell_is(pid_t pid);
/*
 * The bell stopped: did it ring for host signals?  Then the caller
 * reads the signalfd and calls doorbell_signals_read().
 */
bool doorbell_rang_for_signals(void);
/* The signalfd is read: watch it again. */
void doorbell_signals_read(void);
/*
 * Every source is read: let the bell wait again.  status is the bell's
 * wait status; a bell that died is replaced.  0, or -1 if it cannot be.
 */
int doorbell_rearm(int status);
/* The tracer is done: the bell goes, and is reaped. */
void doorbell_stop(void);

#endif
