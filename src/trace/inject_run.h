/* SPDX-License-Identifier: MIT */
/*
 * -e inject applied to a guest thread's calls (the rules themselves are
 * trace/inject.c's): at the seccomp stop, skip the call with a result,
 * poke its arguments, send a signal, hold it (delay_enter=); at its
 * end, give back syscall='s result, poke_exit=, delay_exit=.  What was
 * done is left in the thread's struct tstate for its line.
 */
#ifndef PTSANDBOX_TRACE_INJECT_RUN_H
#define PTSANDBOX_TRACE_INJECT_RUN_H

struct ptrace_syscall_info;
struct task;
struct tstate;

/* After inject_init(): hold resumes for delay_exit=. */
void inject_run_init(void);
/*
 * At t's seccomp stop, before the emulation sees the call: as
 * tracing_inject() (trace/tracing.h); -1: t is held for its
 * delay_enter=, and strace shows the call's entry now.
 */
int inject_run_enter(struct task *t, const struct ptrace_syscall_info *info);
/* The end of t's call, before its result is seen. */
void inject_run_exit(struct task *t, struct tstate *s);
/* t is being freed. */
void inject_run_forget(struct task *t, struct tstate *s);
void inject_run_finish(void);

#endif
