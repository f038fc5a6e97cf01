// SPDX-License-Identifier: MIT
/*
 * Settling an emulated wait, on the tracer thread.
 *
 *  watcher done: the tracer PTRACE_INTERRUPTs the parked thread; at the
 *    resulting stop the call returns its result (or is re-executed
 *    natively when it is known not to block any more).
 *  signal: the kernel wakes the parked thread exactly as it would wake
 *    the real call (same mask, same thread selection), and the tracer
 *    sees a signal-delivery-stop.  If a handler will run, the wait is
 *    cancelled (its watch ended) and the registers are set to the
 *    original syscall returning -ERESTART*, so the kernel itself
 *    applies signal(7)'s EINTR/SA_RESTART rule when it delivers.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "../guest_mem.h"
#include "../log.h"
#include "../restart.h"
#include "../resume.h"
#include "../signals/sigstate.h"
#include "../task.h"
#include "../trace/tracing.h"
#include "emul.h"
#include "guestfds.h"
#include "park.h"
#include "settle.h"
#include "wait.h"
#include "watch.h"

static void detach(struct task *t)
{
	struct ewait *ew = t->wait;

	t->wait = NULL;
	ew->task = NULL;
	ewait_put(ew);
}

void emul_task_gone(struct task *t)
{
	struct ewait *ew = t->wait;

	if (!ew)
		return;
	if (ewait_claim(ew))
		ewait_cancel(ew);
	detach(t);
}

/*
 * A call that is ready returns before any signal is handled: the kernel
 * looks for what the call waits for (a zombie, a ready fd) before it
 * looks at pending signals, and delivers them on the way back to user
 * space, after the call has its result.  A call we re-execute natively
 * to collect its result (EW_RERUN) gets there only after the stop we
 * settle it at, and a signal delivered at that stop would run its
 * handler first: a SIGCHLD handler reaping with waitpid(-1, WNOHANG)
 * would steal the child from the very waitpid that the same exit
 * completed.  So every signal is blocked until the re-executed call's
 * entry stop (the next syscall stop: nothing else can run), where the
 * mask is given back and the kernel then delivers what is pending
 * after the call, as it would have.  Should the call block after all,
 * it does so under its own mask, and a pending signal interrupts it.
 */
static void hold_signals(struct task *t, const struct ewait *ew)
{
	uint64_t all = ~0ull, mask = ew->thread_mask;

	/*
	 * Parked under its own mask, the thread's mask is the call's until
	 * it returns; ours replaces both, so the thread's is given back.
	 */
	if (!ew->own_mask && ptrace(PTRACE_GETSIGMASK, t->tid, (void *)sizeof(mask), &mask) < 0)
		return;
	if (ptrace(PTRACE_SETSIGMASK, t->tid, (void *)sizeof(all), &all) < 0)
		return;
	t->held_mask = mask;
	t->flags |= TASK_HELD;
}

void emul_unhold(struct task *t)
{
	if (!(t->flags & TASK_HELD))
		return;
	t->flags &= ~(unsigned)TASK_HELD;
	if (ptrace(PTRACE_SETSIGMASK, t->tid, (void *)sizeof(t->held_mask), &t->held_mask) < 0 &&
	    errno != ESRCH)
		psb_perror("cannot restore the signal mask of thread %d", (int)t->tid);
}

static void restore_args(const struct ewait *ew, struct arch_regs *regs)
{
	for (int i = 0; i < 6; i++)
		arch_regs_set_arg(regs, i, ew->args[i]);
}

/* The call completes with outcome and result, from whatever stop t is in. */
static void settle_result(struct task *t, struct arch_regs *regs, enum ewait_outcome outcome,
			  int64_t result)
{
	struct ewait *ew = t->wait;

	restore_args(ew, regs);
	if (ew->ops->done)
		ew->ops->done(ew, regs);
	/* nr -1: skipped at a seccomp stop, and no kernel restart logic. */
	arch_regs_set_nr(regs, -1);
	if (outcome == EW_RERUN) {
		arch_regs_set_ret(regs, ew->nr);
		arch_regs_set_ip(regs, arch_regs_ip(regs) - arch_syscall_insn_len());
		t->pass_once = ew->nr;
		hold_signals(t, ew);
	} else {
		arch_regs_set_ret(regs, result);
	}
	if (arch_set_regs(t->tid, regs) < 0 && errno != ESRCH)
		psb_perror("cannot complete %s in thread %d", ew->ops->name, (int)t->tid);
	tracing_emul_settled(t, result, outcome == EW_RERUN);
	detach(t);
}

/* The watcher (or a waker) won; its outcome was written before it published DONE. */
static void settle_done(struct task *t, struct arch_regs *regs)
{
	struct ewait *ew = t->wait;

	settle_result(t, regs, ew->outcome, ew->result);
}

/*
 * A signal won: the original call returns err, -ERESTART* when a
 * handler runs so that the kernel itself applies the restart rules.
 */
static void settle_interrupted(struct task *t, struct arch_regs *regs, int err)
{
	struct ewait *ew = t->wait;
	int over = 0;

	ewait_cancel(ew);
	if (ew->ops->interrupted)
		over = ew->ops->interrupted(ew);
	if (over) {
		/* The call fails instead (no restart): skip it with that error. */
		settle_result(t, regs, EW_RETURN, over);
		return;
	}
	restore_args(ew, regs);
	arch_regs_set_nr(regs, ew->nr);
	arch_regs_set_ret(regs, err);
	if (arch_set_regs(t->tid, regs) < 0 && errno != ESRCH)
		psb_perror("cannot interrupt %s in thread %d", ew->ops->name, (int)t->tid);
	tracing_emul_settled(t, err, false);
	detach(t);
}

/*
 * A handler's signal came while the watcher still waits, but what it
 * waits for is ready now: one event often does both (a write to an
 * O_ASYNC pipe raises SIGIO after making it readable), and the kernel,
 * woken by either, finds the fds ready first.  Decides the outcome
 * (unless the watcher just did) as the watcher would have.
 */
static bool ready_first(struct ewait *ew)
{
	struct pollfd *copy;
	bool ready;

	if (!ew->npfds || !ew->ops->ready)
		return false;
	/* The watcher may write revents back into pfds meanwhile. */
	copy = malloc(sizeof(*copy) * (size_t)ew->npfds);
	if (!copy)
		return false;
	memcpy(copy, ew->pfds, sizeof(*copy) * (size_t)ew->npfds);
	ready = ready_now(copy, ew->npfds);
	free(copy);
	if (!ready || !ewait_publish(ew, EW_RERUN, 0))
		return false;
	ewait_cancel(ew);
	return true;
}

/*
 * The call takes sig itself, as rt_sigtimedwait dequeues a signal of its
 * set: the signal is consumed, whatever the watcher did meanwhile (a
 * timeout that lost the race to a signal is no outcome: the kernel
 * also looks for a signal once more after its timer fires).
 */
static bool settle_taken(struct task *t, struct arch_regs *regs, int sig, const siginfo_t *si)
{
	struct ewait *ew = t->wait;
	int64_t result;

	if (!ew->ops->takes_signal || !si)
		return false;
	result = ew->ops->takes_signal(ew, sig, si);
	if (!result)
		return false;
	if (ewait_claim(ew))
		ewait_cancel(ew);
	settle_result(t, regs, EW_RETURN, result);
	return true;
}

/*
 * At its signal and event stops the parking ppoll has returned
 * -ERESTARTNOHAND.  But a stop can also come after the kernel already
 * prepared the restart on the way back to user space (a second signal,
 * or our PTRACE_INTERRUPT, arriving just then): the instruction pointer
 * is back on the syscall instruction and the return register no longer
 * holds the error.  Completing the call from there would re-execute a
 * syscall instruction with our result as its number, and a restart
 * would step back once more; so the restart is undone first.
 */
static void undo_restart(struct arch_regs *regs)
{
	if (arch_regs_ret(regs) == -ERESTARTNOHAND)
		return;
	arch_regs_set_ip(regs, arch_regs_ip(regs) + arch_syscall_insn_len());
	arch_regs_set_ret(regs, -ERESTARTNOHAND);
}

/*
 * Is sig blocked by the mask the thread is parked under?  Then it can
 * only be delivered in a window: when a signal the guest ignores
 * interrupts the parking ppoll (under ptrace the kernel does not drop
 * ignored signals), the kernel restarts it, and on the way puts the
 * thread's own mask back before the restarted ppoll applies the call's
 * again.  Natively the signal stays pending until the call ends and
 * its handler runs as the call returns.  Here the handler runs now and
 * the call starts again from the beginning (-ERESTARTNOINTR), with the
 * same handler mask and saved mask: a program sees the difference only
 * in when the handler ran (LTP epoll_pwait01).
 */
static bool in_mask_window(pid_t tid, const struct arch_regs *regs, int sig)
{
	uint64_t mask_ptr = arch_regs_arg(regs, 3), mask;

	if (!mask_ptr || sig < 1 || sig > 64 || guest_read(tid, mask_ptr, &mask, sizeof(mask)) < 0)
		return false;
	return mask & sigbit(sig);
}

int emul_settle(struct task *t, int sig, const siginfo_t *si, struct sigsnap *snap)
{
	struct ewait *ew = t->wait;
	enum sig_action act;
	struct arch_regs regs;

	if (!ew || arch_get_regs(t->tid, &regs) < 0)
		return sig;
	/*
	 * Only touch a thread that is really returning from its parking
	 * ppoll; anything else means the wait already ended some other way.
	 */
	if (!ewait_is_parked(&regs)) {
		emul_task_gone(t);
		return sig;
	}
	undo_restart(&regs);
	if (sig > 0 && settle_taken(t, &regs, sig, si))
		return 0;
	if (atomic_load(&ew->state) == EW_DONE) {
		settle_done(t, &regs);
		return sig;
	}
	if (sig == 0)
		return sig;
	/*
	 * A stop signal interrupts the real call, which writes what it
	 * writes on interruption (nanosleep's rem, select's timeout)
	 * before the kernel restarts it after SIGCONT.
	 */
	act = sigsnap_action(snap, sig);
	if (act == SIGACT_STOP) {
		if (!ew->ops->eintr_on_stop) {
			if (ew->ops->interrupted)
				ew->ops->interrupted(ew);
			return sig;
		}
		if (!ewait_claim(ew))
			settle_done(t, &regs);
		else
			settle_interrupted(t, &regs, -EINTR);
		return sig;
	}
	/*
	 * Ignored and default-action signals leave the wait running: the
	 * kernel restarts the parking ppoll after them, just as it
	 * restarts or continues the real call.
	 */
	if (act != SIGACT_HANDLER)
		return sig;
	if (ready_first(ew) || !ewait_claim(ew)) {
		settle_done(t, &regs);
		return sig;
	}
	settle_interrupted(t, &regs,
			   in_mask_window(t->tid, &regs, sig) ? -ERESTARTNOINTR : -ew->restart);
	return sig;
}

void emul_completions(void)
{
	uint64_t count;
	struct ewait *ew;
	ssize_t unused = read(completions_fd(), &count, sizeof(count));

	(void)unused;
	while ((ew = completions_pop())) {
		struct task *t = ew->task;

		/* Wake the parked thread; the wait settles at its next stop. */
		if (t && t->wait == ew)
			interrupt(t);
		ewait_put(ew);
	}
}

/* A seccomp stop while t is parked: the parking ppoll restarting. */
bool parked_syscall(struct task *t, struct arch_regs *regs)
{
	if (!ewait_is_parked(regs)) {
		/* The thread left its parking spot (cannot happen): forget the wait. */
		emul_task_gone(t);
		return false;
	}
	if (atomic_load(&t->wait->state) == EW_DONE)
		settle_done(t, regs);
	return true;
}
