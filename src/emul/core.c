// SPDX-License-Identifier: MIT
/*
 * The life of an emulated wait, on the tracer side.
 *
 *  seccomp stop: the family checks the call without blocking.  If it
 *    would block, the guest thread is parked in the kernel in
 *    ppoll(NULL, 0, NULL, mask) and a worker performs the wait.
 *  worker done: the tracer PTRACE_INTERRUPTs the parked thread; at the
 *    resulting stop the call returns its result (or is re-executed
 *    natively when it is known not to block any more).
 *  signal: the kernel wakes the parked thread exactly as it would wake
 *    the real call (same mask, same thread selection), and the tracer
 *    sees a signal-delivery-stop.  If a handler will run, the wait is
 *    cancelled through its eventfd and the registers are set to the
 *    original syscall returning -ERESTART*, so the kernel itself
 *    applies signal(7)'s EINTR/SA_RESTART rule when it delivers.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "../guest_mem.h"
#include "../log.h"
#include "../resume.h"
#include "../restart.h"
#include "../signals/sigstate.h"
#include "../signals/sigwait.h"
#include "../task.h"
#include "../trace/tracing.h"
#include "emul.h"
#include "interrupt.h"
#include "wait.h"

typedef bool family_fn(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);

/* The family that handles each emulated syscall (arch/sysids.h); NULL: none. */
static family_fn *const families[SYSID_COUNT] = {
#define X(name, handler, flags) [SYSID_##name] = handler,
    SYSID_LIST(X)
#undef X
};

void emul_interpose(struct sysset *set)
{
	for (int id = 0; id < SYSID_COUNT; id++) {
		long nr = arch_sysnr((enum sysid)id);

		if (families[id] && nr >= 0)
			sysset_add(set, nr);
	}
}

int emul_init(void)
{
	return workers_init();
}

int64_t ewait_remaining_ns(const struct ewait *ew)
{
	struct timespec now;
	int64_t left;

	clock_gettime(ew->clock, &now);
	left = ts_to_ns(&ew->deadline) - ts_to_ns(&now);
	return left > 0 ? left : 0;
}

void ewait_set_relative(struct ewait *ew, clockid_t clock, int64_t rel_ns)
{
	struct timespec now;

	clock_gettime(clock, &now);
	ew->has_deadline = true;
	ew->clock = clock;
	ew->deadline = ns_to_ts(ts_to_ns(&now) + rel_ns);
}

struct ewait *ewait_new(struct task *t, const struct ewait_ops *ops, long nr,
			const uint64_t args[6])
{
	struct ewait *ew = calloc(1, sizeof(*ew));

	if (!ew)
		return NULL;
	ew->cancel_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (ew->cancel_fd < 0) {
		free(ew);
		return NULL;
	}
	ew->ops = ops;
	ew->task = t;
	ew->tid = t->tid;
	ew->nr = nr;
	memcpy(ew->args, args, sizeof(ew->args));
	ew->restart = ERESTARTNOHAND;
	ew->clock = CLOCK_MONOTONIC;
	clock_gettime(CLOCK_MONOTONIC, &ew->start);
	atomic_init(&ew->state, EW_WAITING);
	atomic_init(&ew->refs, 1);
	return ew;
}

void ewait_put(struct ewait *ew)
{
	if (atomic_fetch_sub(&ew->refs, 1) != 1)
		return;
	if (ew->ops->release)
		ew->ops->release(ew);
	for (int i = 0; i < ew->npfds; i++)
		if (ew->pfds[i].fd >= 0)
			close(ew->pfds[i].fd);
	free(ew->pfds);
	close(ew->cancel_fd);
	free(ew);
}

static void park_regs(struct arch_regs *regs, uint64_t mask_ptr)
{
	arch_regs_set_nr(regs, arch_sysnr(SYSID_ppoll));
	arch_regs_set_arg(regs, 0, 0);
	arch_regs_set_arg(regs, 1, 0);
	arch_regs_set_arg(regs, 2, 0);
	arch_regs_set_arg(regs, 3, mask_ptr);
	arch_regs_set_arg(regs, 4, sizeof(uint64_t));
}

static bool is_parked(const struct arch_regs *regs)
{
	return arch_regs_nr(regs) == arch_sysnr(SYSID_ppoll) && arch_regs_arg(regs, 0) == 0 &&
	       arch_regs_arg(regs, 1) == 0 && arch_regs_arg(regs, 2) == 0;
}

/*
 * A call that installs its own mask (ppoll, pselect6, epoll_pwait) and
 * thereby unblocks a signal that is already pending ends at once: the
 * signal was kept pending only because it was blocked, so even an
 * ignored one interrupts it (epoll_pwait then fails with EINTR, ppoll
 * and pselect6 restart).  Such a call runs natively, not parked: under
 * ptrace an ignored signal reaches us like any other and we could not
 * tell it from one that arrived during the wait.  Returns those
 * signals.  Records the thread's own mask, which the parked call's
 * replaces until it returns.
 */
static uint64_t mask_frees_pending(struct ewait *ew, uint64_t mask_ptr)
{
	uint64_t temp, orig, freed;
	struct sigstate st;

	if (!mask_ptr || guest_read(ew->tid, mask_ptr, &temp, sizeof(temp)) < 0)
		return 0;
	if (ptrace(PTRACE_GETSIGMASK, ew->tid, (void *)sizeof(orig), &orig) < 0)
		return 0;
	ew->own_mask = true;
	ew->thread_mask = orig;
	freed = orig & ~temp;
	if (!freed || sigstate_read(ew->tid, &st) < 0)
		return 0;
	return (st.pending | st.shared) & freed;
}

int ewait_start(struct ewait *ew, struct arch_regs *regs, uint64_t mask_ptr)
{
	/* The native call's EINTR for these is real, even if ignored. */
	ew->task->real_eintr = mask_frees_pending(ew, mask_ptr);
	if (ew->task->real_eintr)
		return -1;
	park_regs(regs, mask_ptr);
	if (arch_set_regs(ew->tid, regs) < 0)
		return -1;
	ew->task->wait = ew;
	/* Parked: a blocking call, which --interrupt may pick. */
	interrupt_parked(ew->task, ew, ewait_put);
	/* Without a worker body the tracer itself completes the wait. */
	if (!ew->ops->work)
		return 0;
	atomic_fetch_add(&ew->refs, 1); /* the worker's */
	workers_submit(ew);
	return 0;
}

/* The outcome is written only by the winner of WAITING -> FINISHING. */
static bool publish(struct ewait *ew, enum ewait_outcome outcome, int64_t result)
{
	int expected = EW_WAITING;

	if (!atomic_compare_exchange_strong(&ew->state, &expected, EW_FINISHING))
		return false;
	ew->outcome = outcome;
	ew->result = result;
	atomic_store(&ew->state, EW_DONE);
	return true;
}

bool ewait_finish(struct ewait *ew, enum ewait_outcome outcome, int64_t result)
{
	if (!publish(ew, outcome, result))
		return false;
	completions_push(ew);
	return true;
}

/*
 * The tracer itself may ptrace: it wakes the parked thread at once
 * instead of queueing a completion for its own loop to find.
 */
bool ewait_finish_here(struct ewait *ew, enum ewait_outcome outcome, int64_t result)
{
	struct task *t = ew->task;

	if (!publish(ew, outcome, result))
		return false;
	if (t && t->wait == ew)
		interrupt(t);
	return true;
}

/* Is tid in a ptrace stop ("t" in /proc/TID/stat)? */
static bool in_trace_stop(pid_t tid)
{
	return task_run_state(tid) == 't';
}

/*
 * A call that a stop ends with EINTR (epoll, rt_sigtimedwait) is ready
 * or timed out while its thread sits in a ptrace stop: the thread left
 * its parking ppoll for a signal first, and if that signal is a stop,
 * the call must fail with EINTR, which the tracer decides at that stop.
 * Publishing now would win that race whenever the tracer was itself
 * stopped meanwhile (a SIGSTOP to the process group stops it too, and
 * its workers).  So the outcome waits until the thread runs again or
 * the tracer cancels; the stop is the tracer's to answer, in
 * microseconds unless it is a job-control stop, which cancels.
 * Returns false if cancelled.
 */
static bool wait_out_stop(struct ewait *ew)
{
	struct pollfd pfd = {.fd = ew->cancel_fd, .events = POLLIN};
	int ms = 1;

	while (in_trace_stop(ew->tid)) {
		if (poll(&pfd, 1, ms) > 0)
			return false;
		if (ms < 64)
			ms *= 2;
	}
	return true;
}

int ewait_poll(struct ewait *ew)
{
	struct pollfd *all = calloc((size_t)ew->npfds + 1, sizeof(*all));
	int n = -1;

	if (!all)
		return -1;
	/*
	 * The eventfd sits in the same poll set as the awaited objects: a
	 * cancel written before poll() starts is still readable when it
	 * does, so no interruption is lost between check and sleep.
	 */
	all[0].fd = ew->cancel_fd;
	all[0].events = POLLIN;
	/* A wait for a timeout alone (rt_sigtimedwait) has no fds at all. */
	if (ew->npfds)
		memcpy(all + 1, ew->pfds, sizeof(*all) * (size_t)ew->npfds);
	for (;;) {
		struct timespec left, *tsp = NULL;

		if (ew->has_deadline) {
			left = ns_to_ts(ewait_remaining_ns(ew));
			tsp = &left;
		}
		n = ppoll(all, (nfds_t)ew->npfds + 1, tsp, NULL);
		if (n < 0 && errno == EINTR)
			continue;
		/* Woke before the deadline (a clock was set back): sleep on. */
		if (n == 0 && ewait_remaining_ns(ew) > 0)
			continue;
		break;
	}
	if (n > 0 && all[0].revents)
		n = -1; /* cancelled */
	if (n >= 0 && ew->ops->eintr_on_stop && !wait_out_stop(ew))
		n = -1;
	if (n > 0 && ew->npfds)
		memcpy(ew->pfds, all + 1, sizeof(*all) * (size_t)ew->npfds);
	free(all);
	return n;
}

/* The worker is told to stop; it drops its own reference. */
void ewait_cancel(struct ewait *ew)
{
	uint64_t one = 1;
	ssize_t unused;

	unused = write(ew->cancel_fd, &one, sizeof(one));
	(void)unused;
}

/*
 * Tracer thread: cancel ew unless its outcome is already decided.
 * Returns false if it is (and then waits out the few stores between
 * the finisher's compare-and-swap and DONE).
 */
static bool ewait_claim(struct ewait *ew)
{
	int expected = EW_WAITING;

	if (atomic_compare_exchange_strong(&ew->state, &expected, EW_CANCELLED))
		return true;
	while (atomic_load(&ew->state) == EW_FINISHING)
		sched_yield();
	return false;
}

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

/* The worker won; its outcome was written before it published DONE. */
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

static bool will_run_handler(pid_t tid, int sig)
{
	struct sigstate st;

	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	return sigstate_read(tid, &st) == 0 && sig_has_handler(&st, sig);
}

/*
 * A handler's signal came while the worker still waits, but what it
 * waits for is ready now: one event often does both (a write to an
 * O_ASYNC pipe raises SIGIO after making it readable), and the kernel,
 * woken by either, finds the fds ready first.  Decides the outcome
 * (unless the worker just did) as the worker would have.
 */
static bool ready_first(struct ewait *ew)
{
	struct pollfd *copy;
	bool ready;

	if (!ew->npfds || !ew->ops->work)
		return false;
	/* The worker may copy its revents back into pfds meanwhile. */
	copy = malloc(sizeof(*copy) * (size_t)ew->npfds);
	if (!copy)
		return false;
	memcpy(copy, ew->pfds, sizeof(*copy) * (size_t)ew->npfds);
	ready = ready_now(copy, ew->npfds);
	free(copy);
	if (!ready || !publish(ew, EW_RERUN, 0))
		return false;
	ewait_cancel(ew);
	return true;
}

/*
 * The call takes sig itself, as rt_sigtimedwait dequeues a signal of its
 * set: the signal is consumed, whatever the worker did meanwhile (a
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

int emul_settle(struct task *t, int sig, const siginfo_t *si)
{
	struct ewait *ew = t->wait;
	struct arch_regs regs;

	if (!ew || arch_get_regs(t->tid, &regs) < 0)
		return sig;
	/*
	 * Only touch a thread that is really returning from its parking
	 * ppoll; anything else means the wait already ended some other way.
	 */
	if (!is_parked(&regs)) {
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
	if (sig_will_stop(t->tid, sig)) {
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
	if (!will_run_handler(t->tid, sig))
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
static bool parked_syscall(struct task *t, struct arch_regs *regs)
{
	if (!is_parked(regs)) {
		/* The thread left its parking spot (cannot happen): forget the wait. */
		emul_task_gone(t);
		return false;
	}
	if (atomic_load(&t->wait->state) == EW_DONE)
		settle_done(t, regs);
	return true;
}

static family_fn *family_of(int id)
{
	if (id < 0 || id >= SYSID_COUNT)
		return NULL;
	return families[id];
}

static bool family_call(struct task *t, int id, const uint64_t args[6], struct arch_regs *regs)
{
	family_fn *fn = family_of(id);

	/* A filter of the guest's own may forbid parking (seccomp_strict.c). */
	if (t->proc && t->proc->own_seccomp && fn != emul_seccomp_strict)
		return false;
	return fn && fn(t, id, args, regs);
}

bool emul_syscall(struct task *t, const struct ptrace_syscall_info *info)
{
	long nr = (long)info->seccomp.nr;
	uint64_t args[6];
	struct arch_regs regs;
	int id;

	if (emul_strict_violation(t, info->seccomp.ret_data))
		return true;
	if (t->pass_once == nr) {
		t->pass_once = -1;
		return false;
	}
	t->pass_once = -1;
	t->real_eintr = 0;
	for (int i = 0; i < 6; i++)
		args[i] = info->seccomp.args[i];
	id = arch_sysid(nr);
	/* Only a parked thread or an emulated family needs the registers. */
	if (t->wait) {
		if (arch_get_regs(t->tid, &regs) < 0)
			return false;
		if (parked_syscall(t, &regs))
			return true;
	}
	if (!family_of(id) || arch_get_regs(t->tid, &regs) < 0)
		return false;
	if (family_call(t, id, args, &regs))
		return true;
	/* Run natively: only its exit can fix a forwarded signal's siginfo. */
	if (id == SYSID_rt_sigtimedwait)
		sigwait_entry(t, args[1]);
	return false;
}
