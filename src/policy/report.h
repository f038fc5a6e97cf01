/* SPDX-License-Identifier: MIT */
/*
 * Denial reports: one strace-style line per distinct (call, object,
 * rule), naming the rule that denied it or the rule that is missing,
 * and at the end of the run how often each happened.
 */
#ifndef PTSANDBOX_POLICY_REPORT_H
#define PTSANDBOX_POLICY_REPORT_H

#include <stdbool.h>
#include <stdio.h>

struct policy_run;
struct task;

/* Report the denials of run's policy (to the diagnostics stream). */
void report_start(const struct policy_run *run);
/* -k: a backtrace under each report. */
void report_set_stack_trace(bool on);

bool report_signal(struct task *t, int sig);
void report_exit_event(struct task *t);
void report_finish(void);

#endif
