// SPDX-License-Identifier: MIT
/*
 * Parking: at its seccomp stop, a call that would block is rewritten
 * into ppoll(NULL, 0, NULL, mask), an interruptible sleep under the
 * call's own signal mask, and its wait is handed to the watcher.  Any
 * signal the kernel would deliver to that thread therefore wakes it
 * into a signal-delivery-stop, which settle.c answers.
 */
#include "config.h"

#include <signal.h>
#include <sys/ptrace.h>

#include "../guest_mem.h"
#include "../signals/sigstate.h"
#include "../task.h"
#include "interrupt.h"
#include "park.h"
#include "wait.h"
#include "watch.h"

static void park_regs(struct arch_regs *regs, uint64_t mask_ptr)
{
	arch_regs_set_nr(regs, arch_sysnr(SYSID_ppoll));
	arch_regs_set_arg(regs, 0, 0);
	arch_regs_set_arg(regs, 1, 0);
	arch_regs_set_arg(regs, 2, 0);
	arch_regs_set_arg(regs, 3, mask_ptr);
	arch_regs_set_arg(regs, 4, sizeof(uint64_t));
}

bool ewait_is_parked(const struct arch_regs *regs)
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
	/* Unwatched, the tracer itself completes the wait. */
	if (ew->ops->ready)
		watch_start(ew);
	return 0;
}
