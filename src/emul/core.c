// SPDX-License-Identifier: MIT
/* Placeholder until the wait emulation lands: interpose nothing. */
#include "config.h"

#include <sys/eventfd.h>

#include "emul.h"

static int completion_fd = -1;

void emul_interpose(struct sysset *set)
{
	(void)set;
}

int emul_init(void)
{
	completion_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	return completion_fd;
}

bool emul_syscall(struct task *t, const struct ptrace_syscall_info *info)
{
	(void)t;
	(void)info;
	return false;
}

void emul_completions(void)
{
}

void emul_settle(struct task *t, int sig)
{
	(void)t;
	(void)sig;
}

void emul_task_gone(struct task *t)
{
	(void)t;
}
