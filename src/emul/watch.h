/* SPDX-License-Identifier: MIT */
/*
 * The watcher (watch.c): one supervisor thread that waits for every
 * parked call's fds and deadline at once, with one epoll instance and
 * one timer per clock, and reports each that is due through the
 * family's ops->ready.  Starting and cancelling a watch are done by the
 * tracer thread with a few syscalls and never wake the watcher.
 */
#ifndef PTSANDBOX_EMUL_WATCH_H
#define PTSANDBOX_EMUL_WATCH_H

#include "wait.h"

/*
 * Watch ew's pfds and its deadline (if has_deadline) until one is due,
 * then call ew->ops->ready on the watcher thread.  Takes its own
 * reference.  A deadline on a clock no timer follows publishes
 * EW_RERUN at once: the guest's own call waits instead.
 */
void watch_start(struct ewait *ew);

/* Stop watching ew, if it still is (its outcome is decided). */
void ewait_cancel(struct ewait *ew);

#endif
