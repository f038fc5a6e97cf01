// SPDX-License-Identifier: MIT
/*
 * wait4 and waitid for exits.  The watcher is not needed: every child of a
 * guest is itself traced, and a traced child's exit only becomes
 * visible to its parent once the tracer has reaped it ("a zombie
 * ptracee is only visible to its ptracer").  So the tracer knows the
 * exact moment a parent's wait can succeed, completes the emulated
 * wait then, and the parent re-executes its call natively to reap the
 * child with the kernel's own status and rusage.
 *
 * Waits that also report stops or continues (WUNTRACED, WCONTINUED)
 * and WNOHANG polls run natively: they are job-control paths where the
 * kernel's wait is already exactly right, and host signals reach them
 * through the kernel.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <linux/wait.h>

#include "../restart.h"
#include "../task.h"
#include "emul.h"
#include "families.h"
#include "park.h"
#include "wait.h"

struct childwait_priv {
	pid_t pid; /* > 0: that child; 0: any child */
};

static void childwait_release(struct ewait *ew)
{
	free(ew->priv);
	ew->priv = NULL;
}

static const struct ewait_ops childwait_ops = {
    .name = "wait4",
    .release = childwait_release,
};

static bool child_matches(const struct childwait_priv *cp, pid_t child)
{
	return cp->pid <= 0 || cp->pid == child;
}

/* Does a child list file name a pid that is not a live tracee? */
static bool children_file_has_reapable(const char *path, const struct childwait_priv *cp, bool *any)
{
	FILE *f = fopen(path, "re");
	bool found = false;
	int pid;

	if (!f)
		return false;
	while (fscanf(f, "%d", &pid) == 1) {
		if (!child_matches(cp, pid))
			continue;
		*any = true;
		/* Not traced any more: already released to the parent. */
		if (!task_find(pid)) {
			found = true;
			break;
		}
	}
	fclose(f);
	return found;
}

/*
 * Would the wait return at once: a matching child already released
 * (exited and reaped by us), or no matching child at all (ECHILD)?
 */
static bool would_not_block(pid_t tgid, const struct childwait_priv *cp)
{
	char path[96];
	struct dirent *de;
	bool any = false, ready = false;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)tgid);
	d = opendir(path);
	if (!d)
		return true;
	while (!ready && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%.16s/children", (int)tgid, de->d_name);
		ready = children_file_has_reapable(path, cp, &any);
	}
	closedir(d);
	return ready || !any;
}

bool emul_childwait(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	struct childwait_priv cp = {0};
	struct ewait *ew;
	long options;

	if (sysid == SYSID_wait4) {
		pid_t pid = (pid_t)args[0];

		options = (long)args[2];
		if (options & (WNOHANG | WUNTRACED | WCONTINUED))
			return false;
		cp.pid = pid > 0 ? pid : 0;
	} else {
		int idtype = (int)args[0];

		options = (long)args[3];
		if ((options & (WNOHANG | WSTOPPED | WCONTINUED)) || !(options & WEXITED))
			return false;
		if (idtype != P_ALL && idtype != P_PID && idtype != P_PGID)
			return false;
		cp.pid = idtype == P_PID ? (pid_t)args[1] : 0;
	}
	if (would_not_block(t->proc->tgid, &cp))
		return false;
	ew = ewait_new(t, &childwait_ops, arch_regs_nr(regs), args);
	if (!ew)
		return false;
	ew->restart = ERESTARTSYS;
	ew->priv = malloc(sizeof(cp));
	if (!ew->priv || ewait_start(ew, regs, 0) < 0) {
		free(ew->priv);
		ew->priv = NULL;
		ewait_put(ew);
		return false;
	}
	memcpy(ew->priv, &cp, sizeof(cp));
	return true;
}

struct released {
	pid_t parent;
	pid_t child;
};

static void complete_waiter(struct task *t, void *arg)
{
	const struct released *r = arg;
	struct ewait *ew = t->wait;

	if (!ew || ew->ops != &childwait_ops || t->proc->tgid != r->parent)
		return;
	if (child_matches(ew->priv, r->child))
		ewait_finish_here(ew, EW_RERUN, 0);
}

void emul_child_released(pid_t parent_tgid, pid_t child)
{
	struct released r = {parent_tgid, child};

	task_for_each(complete_waiter, &r);
}
