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

/* Resume t from its current ptrace-stop, delivering sig (0: none). */
void resume(struct task *t, int sig);
/* Resume t from its seccomp stop: its own exit work (TASK_EXIT_WORK) counts too. */
void resume_entry(struct task *t);
/* Keep t in its group-stop, as natively, yet see the SIGCONT that ends it. */
void resume_listen(struct task *t);
/* Make t stop (PTRACE_EVENT_STOP) as soon as it can; ptrace's result. */
int interrupt(struct task *t);

#endif
