// SPDX-License-Identifier: MIT
/*
 * The signal waits: pause, rt_sigsuspend and rt_sigtimedwait.
 *
 * They wait for nothing but a signal, and a parked thread already
 * sleeps in the kernel until one comes under the right mask, so the
 * parking is the wait.  pause parks under the thread's mask and
 * rt_sigsuspend under its argument, which ppoll installs and restores
 * exactly as sigsuspend does.  Neither is watched: only a signal
 * ends them, and the kernel's restart rule (ERESTARTNOHAND) turns that
 * into EINTR when a handler runs and into a restart otherwise.
 *
 * rt_sigtimedwait unblocks its set for the time of the wait and then
 * dequeues a signal of the set instead of delivering it.  The parked
 * thread gets the same mask through PTRACE_SETSIGMASK, so the kernel
 * picks the same thread for a process-directed signal as it would for
 * the real call; at the signal-delivery-stop of a signal of the set the
 * call takes it (takes_signal): its siginfo goes to the guest's buffer,
 * the signal is not delivered, and the mask is put back.  The watcher
 * only keeps the timeout.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>

#include "../guest_mem.h"
#include "../log.h"
#include "../restart.h"
#include "../signals/sigstate.h"
#include "../task.h"
#include "families.h"
#include "guestfds.h"
#include "park.h"
#include "wait.h"

static const struct ewait_ops pause_ops = {
    .name = "pause",
};

static const struct ewait_ops sigsuspend_ops = {
    .name = "rt_sigsuspend",
};

struct timedwait_priv {
	uint64_t set;	    /* the signals the call waits for */
	uint64_t old_mask;  /* the thread's mask before the call */
	uint64_t info_addr; /* siginfo_t buffer, 0: none */
};

static void set_mask(pid_t tid, uint64_t mask)
{
	if (ptrace(PTRACE_SETSIGMASK, tid, (void *)sizeof(mask), &mask) < 0 && errno != ESRCH)
		psb_perror("cannot restore the signal mask of thread %d", (int)tid);
}

/* Only a timeout ends the wait here; the signals come to the tracer. */
static void timedwait_ready(struct ewait *ew, int n)
{
	(void)n;
	ewait_finish(ew, EW_RETURN, -EAGAIN);
}

/* Tracer thread, as the call returns: the thread's own mask is back. */
static void timedwait_done(struct ewait *ew, struct arch_regs *regs)
{
	struct timedwait_priv *tp = ew->priv;

	(void)regs;
	set_mask(ew->tid, tp->old_mask);
}

static int timedwait_interrupted(struct ewait *ew)
{
	struct timedwait_priv *tp = ew->priv;

	/* Before the kernel saves the mask in the handler's frame. */
	set_mask(ew->tid, tp->old_mask);
	return 0;
}

static int64_t timedwait_takes(struct ewait *ew, int sig, const siginfo_t *si)
{
	struct timedwait_priv *tp = ew->priv;

	if (sig <= 0 || sig > 64 || !(tp->set & sigbit(sig)))
		return 0;
	/* Dequeued all the same: a bad buffer loses the signal, as natively. */
	if (tp->info_addr && guest_write(ew->tid, tp->info_addr, si, sizeof(*si)) < 0)
		return -EFAULT;
	return sig;
}

static void timedwait_release(struct ewait *ew)
{
	free(ew->priv);
}

/*
 * Interrupted by a handler or a stop, the real call fails with EINTR
 * and is never restarted (signal(7)).
 */
static const struct ewait_ops timedwait_ops = {
    .name = "rt_sigtimedwait",
    .eintr_on_stop = true,
    .ready = timedwait_ready,
    .done = timedwait_done,
    .interrupted = timedwait_interrupted,
    .takes_signal = timedwait_takes,
    .release = timedwait_release,
};

/*
 * Everything that does not block runs natively, so the guest gets the
 * kernel's own errno and siginfo: bad pointers and sizes, a zero
 * timeout, a signal of the set already pending.
 */
static bool timedwait_blocks(struct task *t, const uint64_t args[6], uint64_t *set,
			     struct timespec *ts)
{
	struct sigstate st;

	if (args[3] != sizeof(*set) || guest_read(t->tid, args[0], set, sizeof(*set)) < 0)
		return false;
	*set &= ~(sigbit(SIGKILL) | sigbit(SIGSTOP));
	if (args[2]) {
		if (guest_read(t->tid, args[2], ts, sizeof(*ts)) < 0 || !ts_valid(ts))
			return false;
		if (ts->tv_sec == 0 && ts->tv_nsec == 0)
			return false;
	}
	return sigstate_read(t->tid, &st) == 0 && !((st.pending | st.shared) & *set);
}

static bool emul_timedwait(struct task *t, const uint64_t args[6], struct arch_regs *regs)
{
	struct timedwait_priv *tp;
	struct timespec ts;
	struct ewait *ew;
	uint64_t set;

	if (!timedwait_blocks(t, args, &set, &ts))
		return false;
	tp = calloc(1, sizeof(*tp));
	ew = tp ? ewait_new(t, &timedwait_ops, arch_regs_nr(regs), args) : NULL;
	if (!ew) {
		free(tp);
		return false;
	}
	ew->priv = tp;
	ew->restart = EINTR;
	tp->set = set;
	tp->info_addr = args[1];
	if (ptrace(PTRACE_GETSIGMASK, t->tid, (void *)sizeof(tp->old_mask), &tp->old_mask) < 0)
		goto native;
	if (args[2])
		ewait_set_relative(ew, CLOCK_MONOTONIC, ts_to_ns(&ts));
	if (ewait_start(ew, regs, 0) < 0)
		goto native;
	/* Unblock the set for the wait, as the kernel does. */
	set_mask(t->tid, tp->old_mask & ~set);
	return true;
native:
	ewait_put(ew);
	return false;
}

static bool emul_suspend(struct task *t, const struct ewait_ops *ops, const uint64_t args[6],
			 struct arch_regs *regs, uint64_t mask_ptr)
{
	struct ewait *ew = ewait_new(t, ops, arch_regs_nr(regs), args);

	if (!ew)
		return false;
	ew->restart = ERESTARTNOHAND;
	if (ewait_start(ew, regs, mask_ptr) < 0) {
		ewait_put(ew);
		return false;
	}
	return true;
}

bool emul_sigwait(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	switch (sysid) {
	case SYSID_pause:
		return emul_suspend(t, &pause_ops, args, regs, 0);
	case SYSID_rt_sigsuspend:
		/* A bad mask or size: the kernel's EINVAL or EFAULT, at once. */
		if (!args[0] || !guest_sigmask_ok(t->tid, args[0], args[1]))
			return false;
		return emul_suspend(t, &sigsuspend_ops, args, regs, args[0]);
	case SYSID_rt_sigtimedwait:
		return emul_timedwait(t, args, regs);
	}
	return false;
}
