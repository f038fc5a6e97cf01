/* SPDX-License-Identifier: MIT */
/*
 * Every ptrace request that resumes or interrupts a guest thread.  The
 * choice between PTRACE_SYSCALL and PTRACE_CONT -- does this thread need
 * the exit stop of its call? -- is made here, from the task's exit work
 * and what the layer above registered; nothing here calls upward.
 */
#ifndef PTSANDBOX_RESUME_H
#define PTSANDBOX_RESUME_H

#include <stdbool.h>

struct task;

/* Does a layer above (tracing: a traced call in progress) want t's exit stop? */
typedef bool resume_wants_exit_fn(const struct task *t);
void resume_set_wants_exit(resume_wants_exit_fn *fn);

/*
 * Does a layer above (tracing: -e inject's delay_exit=) keep t stopped
 * a while instead?  It then calls resume_released() with the same
 * arguments when the time comes.
 */
typedef bool resume_hold_fn(struct task *t, int sig, bool entry);
void resume_set_hold(resume_hold_fn *fn);
/* The resume a hold kept back: resume(t, sig), or resume_entry(t) if entry. */
void resume_released(struct task *t, int sig, bool entry);

/* Resume t from its current ptrace-stop, delivering sig (0: none). */
void resume(struct task *t, int sig);
/* Resume t from its seccomp stop: its own exit work (TASK_EXIT_WORK) counts too. */
void resume_entry(struct task *t);
/* Keep t in its group-stop, as natively, yet see the SIGCONT that ends it. */
void resume_listen(struct task *t);
/* Make t stop (PTRACE_EVENT_STOP) as soon as it can; ptrace's result. */
int interrupt(struct task *t);

#endif
