/* SPDX-License-Identifier: MIT */
/*
 * The tracer loop's calls into the policy (src/tracer.c), each at a
 * stop the loop already handles.  They only report (denials) or record
 * (--learn); every decision was the kernel's.  All are no-ops when no
 * policy and no --learn is given.
 */
#ifndef PTSANDBOX_POLICY_HOOKS_H
#define PTSANDBOX_POLICY_HOOKS_H

#include <stdbool.h>
#include <stdint.h>

struct task;
struct ptrace_syscall_info;

/* Where the hooks send watched calls (report.c or learn.c). */
struct policy_sink {
	/* The seccomp stop of nr: should its exit be seen? */
	bool (*watches)(long nr);
	/* Optional, at the seccomp stop of a watched call: true if its result cannot matter. */
	bool (*skip_exit)(struct task *t, long nr, const uint64_t args[6]);
	/* Optional, at the seccomp stop of a watched call: what to keep for its exit. */
	void *(*enter)(struct task *t, long nr, const uint64_t args[6]);
	/* The watched call ended with ret; cookie is what enter returned (the sink frees it). */
	void (*exit)(struct task *t, long nr, const uint64_t args[6], int64_t ret, void *cookie);
	/* Optional: see policy_signal_stop(), policy_exit_event(), policy_finish(). */
	bool (*signal)(struct task *t, int sig);
	void (*exit_event)(struct task *t);
	void (*finish)(void);
};

void hooks_set_sink(const struct policy_sink *sink);

/* At t's seccomp stop: sets TASK_POLICY_EXIT when the call's result is wanted. */
void policy_seccomp_stop(struct task *t, const struct ptrace_syscall_info *info);
/*
 * At every syscall-exit stop, after --trace's line: the result of a
 * call that policy_seccomp_stop() marked (TASK_POLICY_EXIT, which this
 * clears), fetched once.
 */
void policy_syscall_exit(struct task *t);
/*
 * At a signal-delivery-stop of sig: true if the signal was the
 * policy's denial (SIGSYS of a trapped call), which is then reported
 * and never delivered; the caller resumes t without it.
 */
bool policy_signal_stop(struct task *t, int sig);
/*
 * At a PTRACE_EVENT_EXEC stop, before the tracer renames the thread:
 * the execve succeeded (its exit stop is not waited for).
 */
void policy_exec_event(struct task *t);
/* At a PTRACE_EVENT_EXIT stop (only asked for with --deny=...:kill). */
void policy_exit_event(struct task *t);
/* The guest is gone: the counts of the denials, the learned policy. */
void policy_finish(void);

#endif
