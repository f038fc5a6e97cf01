/* SPDX-License-Identifier: MIT */
/*
 * The worker side of an emulated wait (workers.c): the pool of threads
 * that perform the waits, and the blocking primitives their ops->work
 * bodies use.  A worker publishes its outcome with ewait_finish.
 */
#ifndef PTSANDBOX_EMUL_WORKERS_H
#define PTSANDBOX_EMUL_WORKERS_H

#include <time.h>

#include "wait.h"

/* Queue ew for a worker thread, which runs ew->ops->work and drops its reference. */
void workers_submit(struct ewait *ew);

/* Poll pfds plus cancel_fd until ready, deadline or cancel. */
int ewait_poll(struct ewait *ew);
/*
 * Sleep until the absolute deadline on clock (a timerfd, so it follows
 * clock_settime) or until ew is cancelled.  Returns 1 at the deadline,
 * 0 when cancelled, -1 when no timer could be set up.
 */
int ewait_sleep_until(struct ewait *ew, clockid_t clock, const struct timespec *deadline);

#endif
