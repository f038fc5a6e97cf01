// SPDX-License-Identifier: MIT
/*
 * Job control: what a guest's stop does to the guest's other threads'
 * parked calls, and when it becomes ptsandbox's own stop (so the shell
 * sees the job stop and its SIGCONT continues both).  The tracer loop
 * calls in at its signal and event stops and between iterations;
 * nothing here calls back into the loop.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>

#include "../arch/arch.h"
#include "../emul/emul.h"
#include "../resume.h"
#include "../task.h"
#include "../trace/tracing.h"
#include "forward.h"
#include "jobctl.h"
#include "relay.h"
#include "sigstate.h"

static pid_t main_pid;

/*
 * The guest's main process has stopped by this signal: ptsandbox stops
 * itself too, but only between loop iterations.  Stopping in the middle
 * of forwarding a signal (whose twin detection is timed) could last as
 * long as the user leaves the job stopped.
 */
static int self_stop_sig;

/*
 * The main process's group-stop began before the front had read its
 * copy of the stop signal, or between its read and the record of it
 * (relay.c): not asked yet.  Followed once the copy is read, as long as
 * the guest has not been continued meanwhile (jobctl_follow_stop).
 */
static int late_stop_sig;
static unsigned long long late_stop_id;

/*
 * ptsandbox follows a guest's stop only when the stop was asked of the
 * job: ptsandbox got its own copy (Ctrl-Z, kill -TSTP to it or to its
 * process group), read or still pending at the front (relay.c), so the
 * shell sees the job stop and its SIGCONT continues both.  A stop sent to the guest alone (by
 * another guest process, or kill -STOP <guest pid>) is ended by a
 * SIGCONT to the guest alone, which a stopped ptsandbox would never see.
 */
static bool job_stop_asked(void)
{
	return forward_stop_asked() || relay_stop_asked();
}

/*
 * A stop signal taken by one thread stops them all, and every thread's
 * interruptible call sees it: nanosleep writes *rem, epoll_wait fails
 * with EINTR.  The other threads' parked calls must see it even when
 * they never reach the group-stop (a SIGCONT cancelled it first, or the
 * stop was dropped as overtaken: jobctl_stop_overtaken): each is
 * interrupted and settled as a stop would settle it, at its next
 * signal or event stop (jobctl_settle_stop_effect).
 */
static void mark_stop_effect(struct task *t, void *arg)
{
	const struct task *taker = arg;

	if (t == taker || t->proc != taker->proc || !t->wait)
		return;
	t->flags |= TASK_STOP_EFFECT;
	interrupt(t);
}

void jobctl_stop_effect(struct task *taker)
{
	task_for_each(mark_stop_effect, taker);
}

void jobctl_settle_stop_effect(struct task *t, struct sigsnap *snap)
{
	if (!(t->flags & TASK_STOP_EFFECT))
		return;
	t->flags &= ~(unsigned)TASK_STOP_EFFECT;
	if (t->wait)
		emul_settle(t, SIGSTOP, NULL, snap);
}

/*
 * A stop signal taken, then a SIGCONT sent while this delivery-stop
 * waited for us (a SIGSTOP to the process group stops ptsandbox too).
 * Natively the SIGCONT came after the stop and ended it; injected now,
 * the stop would start after it and last for ever, with the SIGCONT
 * pending.  So it is dropped: stopped and continued at once.
 */
bool jobctl_stop_overtaken(struct sigsnap *snap, int sig)
{
	const struct sigstate *st;

	if (!sig_is_stop(sig) || !(st = sigsnap_get(snap)))
		return false;
	return ((st->pending | st->shared) & sigbit(SIGCONT)) && sig_action(st, sig) == SIGACT_STOP;
}

/*
 * A stop makes some calls fail with EINTR (signal(7)); an ignored
 * signal that is delivered after the stop, before the call returns,
 * must not turn that EINTR into a restart (ignored_signal_fixup).
 */
void jobctl_note_stop_eintr(struct task *t, int sig, struct sigsnap *snap)
{
	struct arch_regs regs;

	if (!sig_is_stop(sig) || sigsnap_action(snap, sig) != SIGACT_STOP)
		return;
	t->stop_eintr_ip = 0;
	if (arch_get_regs(t->tid, &regs) == 0 && arch_regs_ret(&regs) == -EINTR)
		t->stop_eintr_ip = arch_regs_ip(&regs);
}

/*
 * A SIGCONT already sent to the guest ended the stop we are about to
 * follow: stopping now would outlast it for ever.  (One sent to the
 * front is the front's to see: relay.c.)
 */
static bool continue_pending(void)
{
	struct sigstate st;

	return sigstate_read(main_pid, &st) == 0 && ((st.pending | st.shared) & sigbit(SIGCONT));
}

void jobctl_init(pid_t main_tgid)
{
	main_pid = main_tgid;
}

void jobctl_group_stop(struct task *t, int sig, bool stop_signal, struct sigsnap *snap)
{
	/*
	 * Another thread's stop signal stopped this one: its parked
	 * call ends as the real one would (epoll's EINTR, *rem).
	 */
	if (t->wait)
		emul_settle(t, sig, NULL, snap);
	tracing_group_stop(t, sig);
	/* Stay stopped like a native group-stop, yet see SIGCONT. */
	t->flags |= TASK_LISTENING;
	resume_listen(t);
	/*
	 * The job is stopped when the guest is, and the shell waits
	 * on us.  Every thread reports the group-stop, some after a
	 * SIGCONT already ended it; only the thread that dequeued the
	 * stop signal starts one.
	 */
	if (stop_signal && t->proc->tgid == main_pid) {
		if ((t->flags & TASK_JOB_STOP) || relay_stop_matches(t->stop_id) ||
		    job_stop_asked()) {
			self_stop_sig = sig;
		} else {
			late_stop_sig = sig;
			late_stop_id = t->stop_id;
		}
	}
	t->flags &= ~(unsigned)TASK_JOB_STOP;
	t->stop_id = 0;
}

/*
 * Matched now if the front has read its copy already, else again at
 * the group-stop (or, still unread, found pending at the front).
 */
void jobctl_stop_delivered(struct task *t, const siginfo_t *si)
{
	t->flags &= ~(unsigned)TASK_JOB_STOP;
	t->stop_id = si && t->proc->tgid == main_pid ? relay_stop_id(si) : 0;
	if (relay_stop_matches(t->stop_id)) {
		t->flags |= TASK_JOB_STOP;
		t->stop_id = 0;
	}
}

void jobctl_running(const struct task *t)
{
	if (t->proc->tgid == main_pid) {
		self_stop_sig = 0; /* continued before we could follow it */
		late_stop_sig = 0;
	}
}

/*
 * The front's copy of a stop that began unasked: read now?  Only memory
 * is looked at, at every loop iteration while such a stop lasts (a
 * kill -STOP to the guest alone may last long).
 */
static int late_stop_asked(void)
{
	int sig = late_stop_sig;

	if (!sig || !(relay_stop_matches(late_stop_id) || forward_stop_asked()))
		return 0;
	late_stop_sig = 0;
	return sig;
}

void jobctl_follow_stop(void)
{
	int sig = self_stop_sig ? self_stop_sig : late_stop_asked();

	if (!sig)
		return;
	self_stop_sig = 0;
	late_stop_sig = 0;
	if (!continue_pending())
		relay_stop_front(sig);
}
