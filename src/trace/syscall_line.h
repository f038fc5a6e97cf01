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

#endif
