// SPDX-License-Identifier: MIT
/*
 * The kernel refuses a traced task's PTRACE_TRACEME, and an attach to
 * a task that already has a tracer, with EPERM: inside ptsandbox that
 * is every guest task.  Whether the call will be refused follows from
 * its registers and the task table, so no exit stop is needed; the
 * note only explains, the kernel decides.
 */
#include "config.h"

#include <stdbool.h>
#include <sys/ptrace.h>
#include <linux/ptrace.h>

#include "arch/arch.h"
#include "log.h"
#include "seccomp_filter.h"
#include "task.h"
#include "trace/ptrace_note.h"

static long ptrace_nr = -1;
static bool said;

void ptrace_note_init(struct sysset *filter)
{
	ptrace_nr = arch_syscall_lookup("ptrace");
	if (ptrace_nr >= 0)
		sysset_add(filter, ptrace_nr);
}

/* Will the kernel refuse request on pid because ptsandbox traces the guest? */
static const char *refused(long request, long pid)
{
	switch (request) {
	case PTRACE_TRACEME:
		return "PTRACE_TRACEME";
	case PTRACE_ATTACH:
		return task_find((pid_t)pid) ? "PTRACE_ATTACH" : NULL;
	case PTRACE_SEIZE:
		return task_find((pid_t)pid) ? "PTRACE_SEIZE" : NULL;
	default:
		return NULL;
	}
}

void ptrace_note_seccomp(const struct ptrace_syscall_info *info)
{
	const char *what;

	if (said || ptrace_nr < 0 || (long)info->seccomp.nr != ptrace_nr)
		return;
	what = refused((long)info->seccomp.args[0], (long)info->seccomp.args[1]);
	if (!what)
		return;
	said = true;
	psb_error("the guest's ptrace(%s) is refused (EPERM): ptsandbox already traces it", what);
}
