/* SPDX-License-Identifier: MIT */
/*
 * Time namespaces: a guest that entered one (unshare(CLONE_NEWTIME)
 * then fork or exec, or setns) reads CLOCK_MONOTONIC and CLOCK_BOOTTIME
 * shifted by its namespace's offsets, and its absolute deadlines on
 * those clocks are in that shifted time.  The supervisor's timers run
 * in its own namespace, so every family that takes an absolute guest
 * deadline translates it here first.
 */
#ifndef PTSANDBOX_EMUL_TIMENS_H
#define PTSANDBOX_EMUL_TIMENS_H

#include <time.h>

struct task;

/*
 * Thread t's absolute deadline on clk, as the same instant on the
 * supervisor's clk.  Unchanged for clocks namespaces do not shift, and
 * when t shares the supervisor's time namespace.  Tracer thread only.
 */
struct timespec timens_to_host(struct task *t, clockid_t clk, struct timespec ts);

#endif
