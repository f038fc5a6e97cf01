// SPDX-License-Identifier: MIT
/*
 * The lines of what happens to a traced thread besides its calls, as
 * strace prints them: "--- SIGxxx {siginfo} ---" at a signal's
 * delivery, "--- stopped by SIGxxx ---" at each thread's group-stop,
 * "+++ exited with N +++", "+++ killed by SIGxxx +++" and
 * "+++ superseded by execve in pid N +++" at its end.  A call still in
 * progress is ended first, as the kernel ended it.
 */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>

#include "arch/arch.h"
#include "options.h"
#include "task.h"
#include "emul/wait.h"
#include "report/backtrace.h"
#include "report/crash.h"
#include "signals/sigstate.h"
#include "trace/decode.h"
#include "trace/filters.h"
#include "trace/interrupted.h"
#include "trace/line.h"
#include "trace/syscall_line.h"
#include "trace/tracing.h"
#include "trace/tstate.h"

/* Does delivering sig kill t's process (the default action terminates)? */
static bool signal_kills(pid_t tid, int sig)
{
	return crash_will_kill(tid, sig) && !sig_default_ignored(sig) && !sig_is_stop(sig) &&
	       sig != SIGCONT;
}

/* Does delivering sig stop t's process? */
static bool signal_stops(pid_t tid, int sig)
{
	struct sigsnap snap;

	if (!sig_is_stop(sig))
		return false;
	sigsnap_init(&snap, tid);
	return sigsnap_action(&snap, sig) == SIGACT_STOP;
}

/*
 * A signal that kills the process ends a parked call first: natively
 * the call returned its restart code before the signal was delivered,
 * and strace prints "= ? ERESTART..." before the signal's line.  So
 * does a stop, after which the kernel restarts the call while the
 * emulation simply goes on waiting.  (With a handler the emulation
 * settles the call itself.)
 */
static void end_parked_call(struct task *t, int sig)
{
	struct tstate *s = t->trace;

	if (!s || !s->active || !s->parked || !t->wait)
		return;
	if (signal_stops(t->tid, sig)) {
		syscall_line_stopped(t, -(int64_t)t->wait->restart);
		return;
	}
	if (!signal_kills(t->tid, sig))
		return;
	syscall_line_end(t, trace_interrupted_ret(s->wait_nr, s->args, -(int64_t)t->wait->restart),
			 true);
}

/* -i: where t is at its signal-delivery-stop; NULL if unknown or not asked. */
static const uint64_t *signal_ip(struct task *t, uint64_t *ip)
{
	struct arch_regs regs;

	if (!trace_cfg.o->st.ip || arch_get_regs(t->tid, &regs) < 0)
		return NULL;
	*ip = arch_regs_ip(&regs);
	return ip;
}

/* -k: where the thread was when the signal came or it stopped, as strace shows. */
static void print_stack(struct task *t)
{
	FILE *f;

	if (!trace_cfg.o->stack_trace)
		return;
	f = tstate_of(t) ? line_out(t, t->trace) : line_shared_out();
	backtrace_print_strace(f, t->tid);
	fflush(f);
}

void tracing_signal(struct task *t, const siginfo_t *si)
{
	char info[512], line[600];
	const char *name;
	uint64_t ip;

	if (!trace_cfg.on)
		return;
	end_parked_call(t, si->si_signo);
	if (sig_is_stop(si->si_signo) && tstate_of(t))
		t->trace->stop_delivered = true;
	if (trace_cfg.lines && filters_signal_shown(si->si_signo)) {
		decode_siginfo(si, info, sizeof(info));
		name = signal_name(si->si_signo);
		snprintf(line, sizeof(line), "--- %s %s ---", name ? name : "SIG???", info);
		line_print_event(t, t->tid, signal_ip(t, &ip), line);
		print_stack(t);
	}
	/* A restart settled while stopped runs after SIGCONT's delivery. */
	syscall_line_flush_restart(t);
}

/*
 * A group-stop t has already reported, again: our PTRACE_INTERRUPT of a
 * PTRACE_LISTENed thread (a completed wait, a dump) makes the kernel
 * report it once more.  Not a new stop, which would have been
 * delivered (tracing_signal) since.
 */
static bool stop_reported_again(struct task *t)
{
	struct tstate *s = tstate_of(t);
	bool delivered = s && s->stop_delivered;

	if (s)
		s->stop_delivered = false;
	return (t->flags & TASK_LISTENING) && !delivered;
}

void tracing_group_stop(struct task *t, int sig)
{
	char line[96];
	const char *name;
	uint64_t ip;

	if (!trace_cfg.on || stop_reported_again(t))
		return;
	syscall_line_flush_restart(t);
	/* Another thread's stop signal interrupted this one's call. */
	if (t->wait)
		syscall_line_stopped(t, -(int64_t)t->wait->restart);
	if (!trace_cfg.lines || !filters_signal_shown(sig))
		return;
	name = signal_name(sig);
	snprintf(line, sizeof(line), "--- stopped by %s ---", name ? name : "SIG???");
	line_print_event(t, t->tid, signal_ip(t, &ip), line);
	print_stack(t);
}

void tracing_task_exit(struct task *t, pid_t tid, int status)
{
	char line[128];
	const char *name;

	if (!trace_cfg.on)
		return;
	if (t) {
		/* Killed while stopped, it never ran its restart. */
		if (WIFEXITED(status))
			syscall_line_flush_restart(t);
		syscall_line_end(t, 0, false);
	}
	/* -qq: no exit lines. */
	if (trace_cfg.o->st.quiet >= 2)
		return;
	if (WIFEXITED(status)) {
		/* -n: the exit line carries exit_group's number, as strace's. */
		if (t && t->trace && trace_cfg.o->st.numbers)
			t->trace->nr = arch_syscall_lookup("exit_group");
		snprintf(line, sizeof(line), "+++ exited with %d +++", WEXITSTATUS(status));
	} else {
		name = signal_name(WTERMSIG(status));
		snprintf(line, sizeof(line), "+++ killed by %s%s +++", name ? name : "SIG???",
			 WCOREDUMP(status) ? " (core dumped)" : "");
	}
	line_print_event(t, tid, NULL, line);
}

void tracing_superseded(struct task *old, pid_t former)
{
	char line[96];

	if (!trace_cfg.on || !old)
		return;
	syscall_line_end(old, 0, false);
	snprintf(line, sizeof(line), "+++ superseded by execve in pid %d +++", (int)former);
	line_print_event(old, old->tid, NULL, line);
}
