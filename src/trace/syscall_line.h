/* SPDX-License-Identifier: MIT */
/*
 * A traced call's line: its entry half at the seccomp stop, its result
 * half at the exit stop or when the emulation settles it.  The hooks
 * (tracing_seccomp_stop() and the rest) are in trace/tracing.h.
 */
#ifndef PTSANDBOX_TRACE_SYSCALL_LINE_H
#define PTSANDBOX_TRACE_SYSCALL_LINE_H

#include <stdbool.h>
#include <stdint.h>

struct task;

/* End t's call in progress, if any: its result ret, or "= ?" if not known. */
void syscall_line_end(struct task *t, int64_t ret, bool known);
/*
 * t's parked call was interrupted by a stop signal (err: the emulation's
 * restart code) and its wait goes on: its line ends as the kernel's
 * call ends (= ? ERESTART_RESTARTBLOCK, the outputs it writes), and
 * the line of the kernel's restart is opened when t runs the call
 * again (tracing_parked_restart), or when the emulation settles it.
 */
void syscall_line_stopped(struct task *t, int64_t err);
/*
 * A restart the emulation settled while t was stopped gets its line
 * with t's next one (a signal's, a call's, its exit's), for the kernel
 * runs it only when t runs again.
 */
void syscall_line_flush_restart(struct task *t);

#endif
