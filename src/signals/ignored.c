// SPDX-License-Identifier: MIT
#include "config.h"

#include <errno.h>
#include <signal.h>

#include "../arch/arch.h"
#include "../restart.h"
#include "ignored.h"
#include "sigstate.h"

static bool returns_eintr_on_any_signal(long nr)
{
	return arch_sysid_flags(nr) & SYSF_EINTR_ANY;
}

/* Would the kernel ignore sig in this thread?  (SIGCONT's EINTR after a stop is native.) */
static bool will_ignore(struct sigsnap *snap, int sig)
{
	return sig != SIGCONT && sigsnap_action(snap, sig) == SIGACT_IGNORE;
}

void ignored_signal_fixup(struct sigsnap *snap, int sig, uint64_t keep_ip)
{
	pid_t tid = snap->tid;
	struct arch_regs regs;

	/* Registers first: they rule out almost every stop cheaply. */
	if (arch_get_regs(tid, &regs) < 0)
		return;
	if (arch_regs_ret(&regs) != -EINTR || !returns_eintr_on_any_signal(arch_regs_nr(&regs)))
		return;
	if (keep_ip && arch_regs_ip(&regs) == keep_ip)
		return;
	if (!will_ignore(snap, sig))
		return;
	/* No handler will run: the kernel restarts the call, as if never woken. */
	arch_regs_set_ret(&regs, -ERESTARTNOHAND);
	arch_set_regs(tid, &regs);
}
