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
 * Start the bell, which rings when signal_fd (the front's pipe of host
 * signals), done_fd, timer_fd or delay_fd (-1: none) is readable.  0,
 * or -1 with errno set.
 */
int doorbell_start(int signal_fd, int done_fd, int timer_fd, int delay_fd);
/* Is pid the bell?  Its statuses come from the tracer's own wait4(). */
bool doorbell_is(pid_t pid);
/* Is the bell still watching signal_fd?  Then the caller reads it. */
bool doorbell_watches_signals(void);
/*
 * signal_fd is at EOF (the front is gone): a bell that no longer polls
 * it replaces this one.  0, or -1 if it cannot be.
 */
int doorbell_forget_signals(void);
/*
 * Every source is read: let the bell wait again.  status is the bell's
 * wait status; a bell that died is replaced.  0, or -1 if it cannot be.
 */
int doorbell_rearm(int status);
/* The tracer is done: the bell goes, and is reaped. */
void doorbell_stop(void);

#endif
