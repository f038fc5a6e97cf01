// SPDX-License-Identifier: MIT
/*
 * Emulated blocking syscalls: the tracer's entry at a seccomp stop.
 * The family table (built from arch/sysids.h) names the file that
 * emulates each call; a thread that is already parked goes to
 * settle.c instead.  The families sit below this file and above the
 * wait object (wait.c), parking (park.c) and the watcher (watch.c).
 */
#include "config.h"

#include <stdint.h>

#include "../signals/sigwait_siginfo.h"
#include "../task.h"
#include "emul.h"
#include "families.h"
#include "settle.h"
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
	return completions_init();
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
