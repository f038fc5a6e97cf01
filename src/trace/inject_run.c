// SPDX-License-Identifier: MIT
/*
 * -e inject at a guest thread's stops, as strace does it: a matched
 * call is skipped with its result written over nr -1 (or replaced by
 * syscall='s call, whose result is overwritten at its exit), its
 * arguments poked, a signal queued before it runs, its entry or its
 * thread's next resume held for a delay (trace/delay.c's timer).
 */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/ptrace.h>

#include "arch/arch.h"
#include "resume.h"
#include "task.h"
#include "trace/delay.h"
#include "trace/inject.h"
#include "trace/inject_run.h"
#include "trace/line.h"
#include "trace/tracing.h"
#include "trace/tstate.h"

/* resume.c's hold: the first resume after a delay_exit= call's end waits. */
static bool hold_resume(struct task *t, int sig, bool entry)
{
	struct tstate *s = t->trace;

	if (!s || !s->hold_armed)
		return false;
	s->hold_armed = false;
	return delay_hold(t->tid, s->exit_delay_ns, entry ? DELAY_RESUME_ENTRY : DELAY_RESUME, sig);
}

void inject_run_init(void)
{
	if (inject_has_delays())
		resume_set_hold(hold_resume);
}

/* ---- at the seccomp stop ---- */

/* Skipped at its seccomp stop: nr -1 (or syscall='s), the result in the return register. */
static bool inject_skip(struct task *t, struct tstate *s, const struct inject_action *act)
{
	struct arch_regs regs;

	if (arch_get_regs(t->tid, &regs) < 0)
		return false;
	arch_regs_set_nr(&regs, act->sysnr >= 0 ? act->sysnr : -1);
	arch_regs_set_ret(&regs, act->ret);
	if (arch_set_regs(t->tid, &regs) < 0)
		return false;
	/* The replacement's own result is overwritten at its exit. */
	s->exit_ret = act->sysnr >= 0;
	s->exit_retval = act->ret;
	return true;
}

/* poke_enter=, first of all (strace's entry line shows what it wrote): INJ_ARGS or 0. */
static unsigned int inject_enter_poke(struct task *t, struct tstate *s,
				      const struct inject_action *act,
				      const struct ptrace_syscall_info *info)
{
	memcpy(s->exit_args, info->seccomp.args, sizeof(s->exit_args));
	s->exit_nr = (long)info->seccomp.nr;
	if (act->poke_enter && inject_poke(t->tid, s->exit_nr, s->exit_args, act->poke_enter))
		return INJ_ARGS;
	return 0;
}

/* The rest of act, matched at this seccomp stop, now (after its delay_enter). */
static int inject_apply(struct task *t, struct tstate *s, const struct inject_action *act,
			unsigned int mark)
{
	if (act->delay_enter || act->delay_exit)
		mark |= INJ_DELAYED;
	/*
	 * Pending before the call starts, as strace's (queued when it
	 * resumes the entry stop): a blocking call returns at once.  A
	 * seccomp stop's resume cannot carry a signal, so it is sent now.
	 */
	s->inject_sig = 0;
	if (act->signal && syscall(SYS_tgkill, t->proc->tgid, t->tid, act->signal) == 0)
		s->inject_sig = act->signal;
	s->exit_poke = act->poke_exit;
	s->exit_delay = act->delay_exit;
	s->exit_delay_ns = act->delay_exit_ns;
	s->exit_ret = false;
	if (act->skip && inject_skip(t, s, act))
		mark |= INJ_RETVAL;
	s->inject_mark = mark;
	if (mark & INJ_RETVAL)
		return 1;
	/* Not emulated: the kernel's call sees the pending signal, as natively. */
	return s->inject_sig ? 2 : 0;
}

int inject_run_enter(struct task *t, const struct ptrace_syscall_info *info)
{
	long nr = (long)info->seccomp.nr;
	struct inject_action act;
	unsigned int mark;
	struct tstate *s;

	/* Not a new invocation: the native rerun of a call the emulation settled. */
	if (!trace_cfg.on || !inject_enabled() || t->pass_once == nr || !(s = tstate_of(t)))
		return 0;
	if (s->entry_delayed) {
		/* The same stop again, its delay over: the call goes on. */
		s->entry_delayed = false;
		return inject_apply(t, s, &s->delayed, s->delayed_mark);
	}
	if (!inject_match(&s->inject_counters, nr, &act))
		return 0;
	mark = inject_enter_poke(t, s, &act, info);
	if (act.delay_enter && delay_hold(t->tid, act.delay_enter_ns, DELAY_ENTRY, 0)) {
		s->delayed = act;
		s->delayed_mark = mark;
		s->entry_delayed = true;
		return -1;
	}
	return inject_apply(t, s, &act, mark);
}

void tracing_inject_siginfo(struct task *t, int sig, siginfo_t *si)
{
	struct tstate *s = t->trace;

	if (!trace_cfg.on || !s || !s->inject_sig || s->inject_sig != sig ||
	    si->si_code != SI_TKILL || si->si_pid != getpid())
		return;
	s->inject_sig = 0;
	/* What strace's carries: a signal resumed with from a syscall-stop is the kernel's own. */
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = SI_KERNEL;
	ptrace(PTRACE_SETSIGINFO, t->tid, NULL, si);
}

/* ---- at the call's end ---- */

/*
 * syscall='s replacement gives back the injected result, poke_exit=
 * writes, and delay_exit= holds the thread's next resume.
 */
void inject_run_exit(struct task *t, struct tstate *s)
{
	if (s->exit_ret) {
		struct arch_regs regs;

		s->exit_ret = false;
		if (arch_get_regs(t->tid, &regs) == 0) {
			arch_regs_set_ret(&regs, s->exit_retval);
			arch_set_regs(t->tid, &regs);
		}
	}
	if (s->exit_poke) {
		if (inject_poke(t->tid, s->exit_nr, s->exit_args, s->exit_poke))
			s->injected |= INJ_ARGS;
		s->exit_poke = NULL;
	}
	if (s->exit_delay) {
		s->exit_delay = false;
		s->hold_armed = true;
	}
}

/* ---- the delays ---- */

int tracing_delay_fd(void)
{
	return trace_cfg.on && inject_has_delays() ? delay_fd() : -1;
}

void tracing_delays_expired(void (*seccomp_stop)(struct task *t))
{
	enum delay_kind kind;
	pid_t tid;
	int sig;

	if (!trace_cfg.on || !inject_has_delays())
		return;
	delay_ack();
	while (delay_due(&tid, &kind, &sig)) {
		struct task *t = task_find(tid);

		if (!t)
			continue;
		if (kind == DELAY_ENTRY)
			seccomp_stop(t);
		else
			resume_released(t, sig, kind == DELAY_RESUME_ENTRY);
	}
}

void inject_run_forget(struct task *t, struct tstate *s)
{
	delay_forget(t->tid);
	inject_free(&s->inject_counters);
}

void inject_run_finish(void)
{
	inject_finish();
	delay_finish();
}
