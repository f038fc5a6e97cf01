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
#include <stdlib.h>
#include <string.h>

#include "../log.h"

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

/* --native: the families the user leaves to the kernel, by name. */
static const struct {
	const char *name;
	family_fn *fn;
} named_families[] = {
    {"futex", emul_futex},     {"sleep", emul_sleep}, {"poll", emul_poll},
    {"select", emul_select},   {"epoll", emul_epoll}, {"wait", emul_childwait},
    {"sigwait", emul_sigwait},
};
static bool native[SYSID_COUNT];

static int native_family(const char *name)
{
	bool all = !strcmp(name, "all"), found = all;

	for (size_t k = 0; k < sizeof(named_families) / sizeof(named_families[0]); k++) {
		if (!all && strcmp(name, named_families[k].name))
			continue;
		found = true;
		for (int id = 0; id < SYSID_COUNT; id++)
			if (families[id] == named_families[k].fn)
				native[id] = true;
	}
	return found ? 0 : -1;
}

int emul_native(const char *spec)
{
	char *copy, *save = NULL, *name;
	int rc = 0;

	if (!spec)
		return 0;
	copy = strdup(spec);
	if (!copy)
		return -1;
	for (name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		if (native_family(name) < 0) {
			psb_error(
			    "invalid --native: unknown family '%s' (futex, sleep, poll, select, "
			    "epoll, wait, sigwait, all)",
			    name);
			rc = -1;
			break;
		}
	}
	free(copy);
	return rc;
}

void emul_interpose(struct sysset *set)
{
	for (int id = 0; id < SYSID_COUNT; id++) {
		long nr = arch_sysnr((enum sysid)id);

		/*
		 * A native rt_sigtimedwait still stops: its exit gives a
		 * forwarded signal its host sender's siginfo.
		 */
		if (families[id] && (!native[id] || id == SYSID_rt_sigtimedwait) && nr >= 0)
			sysset_add(set, nr);
	}
}

int emul_init(void)
{
	return completions_init();
}

/* The family that emulates id; NULL: none, or left to the kernel (--native). */
static family_fn *family_of(int id)
{
	if (id < 0 || id >= SYSID_COUNT || native[id])
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
	if (family_of(id) && arch_get_regs(t->tid, &regs) == 0 && family_call(t, id, args, &regs))
		return true;
	/* Run natively: only its exit can fix a forwarded signal's siginfo. */
	if (id == SYSID_rt_sigtimedwait)
		sigwait_entry(t, args[1]);
	return false;
}
