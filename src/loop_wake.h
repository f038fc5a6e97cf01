/* SPDX-License-Identifier: MIT */
/*
 * Waking the tracer loop (loop_wake.c): the doorbell, a child process
 * whose stop wakes the tracer's blocking wait4() for everything that
 * is not a ptrace stop or a host signal (the watcher's completions, the
 * --timeout timer, -e inject's delays).  The loop answers its stop with one call, which
 * reads every source through the loop's readers and lets the bell wait
 * again.  Host signals interrupt the wait itself: the front sends
 * LOOP_WAKE_SIGNAL.  See doc/design.md, section 3.
 */
#ifndef PTSANDBOX_LOOP_WAKE_H
#define PTSANDBOX_LOOP_WAKE_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

/*
 * What the front sends the tracer thread (the supervisor's main
 * thread) after writing host signals into the pipe, when it may be
 * asleep.  Ignored by default: before the handler is in place the
 * tracer is not waiting yet, and is never sent one.
 */
#define LOOP_WAKE_SIGNAL SIGURG

/* How the loop reads each source that may have rung, in this order. */
struct loop_wake_readers {
	/* Host signals from the front (fd): read them all; false at EOF, the front gone. */
	bool (*signals)(int fd);
	/* The watcher's completions (the emulation's eventfd). */
	void (*completions)(void);
	/* The --timeout timer expired (called only when there is one). */
	void (*timer)(void);
	/* -e inject's delay timer rang (called only when there is one). */
	void (*delays)(void);
};

/*
 * Start the bell, which rings when done_fd, timer_fd or delay_fd (-1:
 * none) is readable, and catch LOOP_WAKE_SIGNAL for signal_fd (the
 * front's pipe of host signals).  0, or -1 with errno set.
 */
int loop_wake_start(int signal_fd, int done_fd, int timer_fd, int delay_fd,
		    const struct loop_wake_readers *readers);
/*
 * The loop's one blocking wait: waitpid(-1, status, __WALL|WUNTRACED),
 * except that the front's loop_wake_ring() makes it read the host
 * signals (readers->signals) and return -1 with errno EINTR, before or
 * while it waits.
 */
pid_t loop_wake_wait(int *status);
/*
 * Before the front and the supervisor part: map the words they share
 * to wake the tracer for host signals.  0, or -1 with errno set.
 */
int loop_wake_share(void);
/*
 * In the front, after writing host signals into the pipe: make the
 * tracer thread of the supervisor read them.
 */
void loop_wake_ring(pid_t supervisor);
/* Is pid the bell?  Its statuses come from the tracer's own wait4(). */
bool loop_wake_is(pid_t pid);
/*
 * The bell's wait status: the bell rang (or died).  Reads every source
 * through its reader, stops watching the signals at their EOF, and
 * lets the bell wait again (a bell that died is replaced).  0, or -1 if
 * the bell cannot be replaced.
 */
int loop_wake_answer(int status);
/*
 * Answer the bell if it rang but wait4() has not said so: it reports
 * the guest's stops first, for as long as there are any.  0, or -1 as
 * loop_wake_answer().
 */
int loop_wake_check(void);
/* The tracer is done: the bell goes, and is reaped. */
void loop_wake_stop(void);

#endif
