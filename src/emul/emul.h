/* SPDX-License-Identifier: MIT */
/*
 * Emulated blocking syscalls: the interface between the tracer loop
 * and the per-family emulations (sleep.c, poll.c, ...).
 *
 * An emulated call does not keep the guest thread ptrace-stopped.  At
 * its seccomp stop the call is checked without blocking; if it would
 * block, the watcher thread takes over the wait and the guest thread is
 * parked in the kernel in ppoll(NULL, 0, NULL, mask): an interruptible
 * sleep under the call's own signal mask.  Any signal the kernel would
 * deliver to that thread therefore wakes it into a signal-delivery-
 * stop, which is how the supervisor learns of it.  See doc/design.md.
 */
#ifndef PTSANDBOX_EMUL_H
#define PTSANDBOX_EMUL_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>
#include <linux/ptrace.h>

#include "../seccomp_filter.h"

struct sigsnap;
struct task;

/*
 * --native=SET: the families named in spec (futex, sleep, poll,
 * select, epoll, wait, sigwait, all; comma-separated) are neither
 * trapped nor emulated.  NULL: none.  -1 (said) on a bad name.
 */
int emul_native(const char *spec);
/* Add the syscalls the emulation needs to trap. */
void emul_interpose(struct sysset *set);
/* Start the completion queue.  Returns an fd the tracer polls for completions. */
int emul_init(void);
/*
 * Seccomp stop of an interposed native-ABI syscall.  Returns false if
 * the tracer should resume the syscall unchanged.  Returns true if the
 * emulation changed the registers (and has resumed nothing itself).
 */
bool emul_syscall(struct task *t, const struct ptrace_syscall_info *info);
/* Completion fd readable: interrupt the guest threads whose wait ended. */
void emul_completions(void);
/*
 * t is at a stop with an emulated wait outstanding: a signal-delivery-
 * stop for sig with siginfo si (sig > 0) or the trap of our
 * PTRACE_INTERRUPT (sig == 0, si NULL).  Settles the call: result, or
 * restart code for the kernel to apply.  Returns the signal to deliver:
 * sig, or 0 when the call itself took it (rt_sigtimedwait).  If the call
 * must first be re-executed natively, t's signals are blocked until it
 * is (TASK_HELD): resuming with sig then puts sig back in the queue,
 * for the kernel to deliver once the call has returned.  snap is t's
 * signal state at this stop (signals/sigstate.h), read only if needed.
 */
int emul_settle(struct task *t, int sig, const siginfo_t *si, struct sigsnap *snap);
/*
 * The tracer reaped child, the last thread of a guest process: its
 * parent can now wait for it.
 */
void emul_child_released(pid_t parent_tgid, pid_t child);
/*
 * Syscall-exit stop of a futex call resumed with TASK_FUTEX_EXIT: adds
 * the waiters the supervisor woke to the kernel's count, ret.
 */
void emul_futex_exit(struct task *t, int64_t ret);
/* The tracer reaped thread tid of tgid: the kernel's own futex wakes. */
void emul_thread_exited(pid_t tid, pid_t tgid);
/*
 * Any stop of t that enters a syscall: a settled call that t re-executes
 * natively held t's signals until now (see emul_settle); give them back.
 */
void emul_unhold(struct task *t);
/* t is gone (exit, exec): drop its wait without touching registers. */
void emul_task_gone(struct task *t);

#endif
