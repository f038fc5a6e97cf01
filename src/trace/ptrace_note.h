/* SPDX-License-Identifier: MIT */
/*
 * A guest that uses ptrace itself (a debugger's test suite) is refused:
 * a task has one tracer, and ptsandbox is it.  Such tests quietly turn
 * from PASS into SKIP; this says why, once per run, on stderr.
 */
#ifndef PTSANDBOX_TRACE_PTRACE_NOTE_H
#define PTSANDBOX_TRACE_PTRACE_NOTE_H

struct sysset;
struct ptrace_syscall_info;

/* Make the guest's ptrace calls stop (they are rare). */
void ptrace_note_init(struct sysset *filter);
/* A seccomp stop: if it is a ptrace the kernel will refuse, say so once. */
void ptrace_note_seccomp(const struct ptrace_syscall_info *info);

#endif
