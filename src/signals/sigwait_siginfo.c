// SPDX-License-Identifier: MIT
/*
 * rt_sigtimedwait runs natively: the kernel's own wait is exact, and a
 * forwarded host signal reaches it through kill(2).  But a signal
 * taken that way never has a signal-delivery-stop, where the siginfo
 * of forwarded signals is otherwise put back to the host sender's
 * (forward_on_delivery), so the guest would read ptsandbox's pid in
 * si_pid.  Trapping the call and watching its exit fixes the siginfo
 * it copied out, and records the guest's own copy of a terminal's
 * signal for twin detection, as a delivery would have.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "../guest_mem.h"
#include "../task.h"
#include "forward.h"
#include "sigwait_siginfo.h"

void sigwait_entry(struct task *t, uint64_t info_addr)
{
	t->sigwait_info = info_addr;
	t->flags |= TASK_SIGWAIT_EXIT;
}

void sigwait_exit(struct task *t, int64_t ret)
{
	siginfo_t si;

	t->flags &= ~(unsigned)TASK_SIGWAIT_EXIT;
	if (ret <= 0 || ret >= NSIG)
		return;
	/* Without a siginfo buffer there is nothing to fix, but the twin counts. */
	if (!t->sigwait_info) {
		memset(&si, 0, sizeof(si));
		si.si_signo = (int)ret;
		si.si_code = SI_KERNEL;
		forward_on_dequeue((int)ret, &si);
		return;
	}
	if (guest_read(t->tid, t->sigwait_info, &si, sizeof(si)) < 0)
		return;
	if (forward_on_dequeue((int)ret, &si))
		guest_write(t->tid, t->sigwait_info, &si, sizeof(si));
}
