/* SPDX-License-Identifier: MIT */
/*
 * --trace: strace-style lines for the syscalls of the trace set, the
 * signals delivered and the exits, or with -c a summary table.
 *
 * The tracer loop calls these hooks at the stops it already handles.
 * A traced call is recorded at its seccomp stop and the thread resumed
 * with PTRACE_SYSCALL (resume.c asks tracing_wants_exit_stop()),
 * so its syscall-exit-stop gives the result.  An emulated call whose
 * thread is parked has no exit stop of its own: its line is finished
 * when the emulation settles it (src/emul/settle.c).
 *
 * The hooks are defined by the part of trace/ whose job they are:
 * session.c (init, task_free, finish), syscall_line.c (the calls'
 * stops, inject, detached, parked_restart, woken_call), events.c (signal,
 * group_stop, task_exit, superseded),
 * inject_run.c (inject_siginfo, the delays), line.c (new_task, aside).
 */
#ifndef PTSANDBOX_TRACE_TRACING_H
#define PTSANDBOX_TRACE_TRACING_H

#include <signal.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct options;
struct sysset;
struct task;
struct ptrace_syscall_info;

/*
 * Parse the trace set of o (if any) and add it to filter, the syscalls
 * that must stop the guest.  0, or -1 after printing why.
 */
int tracing_init(const struct options *o, struct sysset *filter);
/*
 * The seccomp stop of a new native-ABI call of t, after the emulation
 * saw it: emulated if it changed the registers, parked if the thread
 * now waits for the watcher.
 */
void tracing_seccomp_stop(struct task *t, const struct ptrace_syscall_info *info, bool emulated,
			  bool parked);
/* t's syscall-exit-stop (SIGTRAP | 0x80). */
void tracing_syscall_exit(struct task *t);
/*
 * -e inject: at t's seccomp stop, before the emulation sees the call.
 * 1 if the call was skipped with an injected result (neither run nor
 * emulated), 2 if a signal was injected (already pending): the call is
 * run by the kernel, not emulated, so that it sees the signal as it
 * would natively; 0 if it goes on as usual; -1 if t is held there
 * (delay_enter=): the caller leaves it stopped, and handles the stop
 * again when tracing_delays_expired() says so.
 */
int tracing_inject(struct task *t, const struct ptrace_syscall_info *info);
/* The timerfd of -e inject's delays, for the doorbell to watch; -1: none. */
int tracing_delay_fd(void);
/*
 * The delay timer rang: each thread whose delay is over goes on, a
 * delay_enter= one through seccomp_stop(t) (its stop handled again), a
 * delay_exit= one resumed as it would have been.
 */
void tracing_delays_expired(void (*seccomp_stop)(struct task *t));
/* Must t be resumed with PTRACE_SYSCALL to see its call's exit? */
bool tracing_wants_exit_stop(const struct task *t);
/*
 * The emulation settled t's parked call with ret; rerun: the call is
 * instead executed again natively, and its exit stop gives the result.
 */
void tracing_emul_settled(struct task *t, int64_t ret, bool rerun);
/* t is at a signal-delivery-stop; the signal is delivered. */
void tracing_signal(struct task *t, const siginfo_t *si);
/*
 * t is at its group-stop (PTRACE_EVENT_STOP with stop signal sig),
 * still able to be read (before PTRACE_LISTEN): "--- stopped by SIG ---"
 * and, if the stop interrupted t's parked call, that call's end first.
 */
void tracing_group_stop(struct task *t, int sig);
/*
 * A seccomp stop of t while parked: its parking ppoll runs again.  After
 * a stop, that is where the kernel's call would restart.
 */
void tracing_parked_restart(struct task *t);
/*
 * At sig's signal-delivery-stop: if it is the signal -e inject sent to
 * t (SI_TKILL, from ptsandbox), make *si and the guest's siginfo the
 * SI_KERNEL one strace's injected signal carries.
 */
void tracing_inject_siginfo(struct task *t, int sig, siginfo_t *si);
/* A task appeared (clone, fork, vfork): lines get "[pid N] " from now on. */
void tracing_new_task(pid_t tid);
/* tid exited or was killed (status as from waitpid); t may be NULL. */
void tracing_task_exit(struct task *t, pid_t tid, int status);
/*
 * Thread former of old's process exec'd and takes old's (the leader's)
 * pid: old's call ends unfinished, "+++ superseded by execve in pid
 * former +++".  old may be NULL.
 */
void tracing_superseded(struct task *old, pid_t former);
/*
 * ptsandbox -p: t is detached from its stop; a call in progress ends
 * " <detached ...>", as strace's.
 */
void tracing_detached(struct task *t);
/*
 * ptsandbox -p: t's first stop after PTRACE_INTERRUPT woke the call it
 * was blocked in, whose exit was not traced: a call that returned
 * ERESTART_RESTARTBLOCK is what the restart_syscall that follows
 * resumes, and its line names it, as strace's.
 */
void tracing_woken_call(struct task *t);
/* Another message is about to go to f: end an open trace line there first. */
void tracing_aside(FILE *f);
/* t is being freed. */
void tracing_task_free(struct task *t);
/* The guest is gone: print the -c table, close the files. */
void tracing_finish(void);

#endif
