/* SPDX-License-Identifier: MIT */
/*
 * Hang reports: --timeout=DURATION and --dump-on=SIG.
 *
 * A dump says, for every guest thread, what it is blocked in and its
 * backtrace.  A backtrace needs the thread in a ptrace-stop, and the
 * tracer answers every stop at once, so a dump is a request: each
 * thread is PTRACE_INTERRUPTed and printed at its next stop, whatever
 * kind it is, which the tracer then handles exactly as it would have.
 * After a --timeout dump the whole guest is SIGKILLed.
 */
#ifndef PTSANDBOX_REPORT_DUMP_H
#define PTSANDBOX_REPORT_DUMP_H

#include <stdbool.h>

struct options;
struct task;

/* The timerfd of --timeout for the tracer's epoll, or -1 without one. */
int dump_init(const struct options *opts);
/* The --dump-on signal (0: none), which is no longer forwarded. */
int dump_signal(void);
/* A host signal read by the tracer: dump if it is the --dump-on one. */
bool dump_on_signal(int sig);
/* Dump every guest thread now (ptsandbox -p --dump); why heads the report. */
void dump_request(const char *why);
/* Threads whose dump has not been printed yet. */
int dump_pending(void);
/* The timerfd is readable: the timeout, or the grace period of its dump. */
void dump_timer_expired(void);
/* t is in a ptrace-stop, not yet answered: print its dump if pending. */
void dump_at_stop(struct task *t);
/* tid exited: its dump will never come. */
void dump_task_gone(int tid);
/* After each batch of stops: kill the guest once the timeout's dump is out. */
void dump_progress(void);
/* Did --timeout expire (the exit status is then 124)? */
bool dump_timed_out(void);

#endif
