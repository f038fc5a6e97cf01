// SPDX-License-Identifier: MIT
/*
 * Absolute deadlines across time namespaces (see timens.h).
 *
 * A thread's own namespace is /proc/TID/ns/time; unshare(CLONE_NEWTIME)
 * changes only time_for_children, which children (and the caller after
 * execve) enter.  /proc/PID/timens_offsets shows the offsets of PID's
 * time_for_children namespace, so a namespace's offsets are read from
 * a process whose time_for_children it is: the thread itself once it
 * is inside, else the nearest ancestor that created it.  Offsets are
 * fixed once a process has entered a namespace, and a process changes
 * namespace only at execve or setns, so they are cached in its struct
 * proc with the namespace's inode: a deadline costs one readlink of
 * ns/time to see that the namespace is still the same (the cache is
 * per process, not per inode: a freed namespace's inode number is
 * reused for the next one), and nothing for clocks namespaces do not
 * shift.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../task.h"
#include "timens.h"
#include "timespec.h"

struct ns_offsets {
	unsigned long ino;
	int64_t mono_ns, boot_ns;
};

static struct ns_offsets self_ns; /* the supervisor's own namespace */
static bool self_known;

/* The inode of /proc/PID/ns/NAME ("time" or "time_for_children"), 0 if unknown. */
static unsigned long ns_ino(pid_t pid, const char *name)
{
	char path[64], link[64];
	unsigned long ino;
	ssize_t n;

	if (pid)
		snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)pid, name);
	else
		snprintf(path, sizeof(path), "/proc/self/ns/%s", name);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return 0;
	link[n] = '\0';
	if (sscanf(link, "time:[%lu]", &ino) != 1)
		return 0;
	return ino;
}

/* Offsets of pid's time_for_children namespace; false if unreadable. */
static bool read_offsets(pid_t pid, struct ns_offsets *o)
{
	char path[64], name[32];
	long long sec;
	long nsec;
	FILE *f;
	bool ok = false;

	snprintf(path, sizeof(path), "/proc/%d/timens_offsets", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (fscanf(f, "%31s %lld %ld", name, &sec, &nsec) == 3) {
		int64_t ns = sec * 1000000000LL + nsec;

		if (!strcmp(name, "monotonic") || !strcmp(name, "1"))
			o->mono_ns = ns;
		else if (!strcmp(name, "boottime") || !strcmp(name, "7"))
			o->boot_ns = ns;
		ok = true;
	}
	fclose(f);
	return ok;
}

static pid_t parent_of(pid_t pid)
{
	pid_t tgid, ppid;

	proc_read_ids(pid, &tgid, &ppid);
	return ppid;
}

/* Offsets of namespace ino, which pid is in: pid itself or an ancestor made it. */
static bool find_offsets(pid_t pid, unsigned long ino, struct ns_offsets *o)
{
	for (int depth = 0; pid > 0 && depth < 64; depth++, pid = parent_of(pid)) {
		if (ns_ino(pid, "time_for_children") == ino)
			return read_offsets(pid, o);
	}
	return false;
}

/* The offsets of namespace ino, which t is in, from t's process's cache. */
static bool lookup(struct task *t, unsigned long ino, struct ns_offsets *o)
{
	struct proc *p = t->proc;

	if (p && p->timens_ino == ino) {
		*o = (struct ns_offsets){ino, p->timens_mono_ns, p->timens_boot_ns};
		return true;
	}
	*o = (struct ns_offsets){.ino = ino};
	if (!find_offsets(t->tid, ino, o))
		return false;
	if (p) {
		p->timens_ino = ino;
		p->timens_mono_ns = o->mono_ns;
		p->timens_boot_ns = o->boot_ns;
	}
	return true;
}

static void know_self(void)
{
	if (self_known)
		return;
	self_known = true;
	self_ns.ino = ns_ino(0, "time");
	if (self_ns.ino && !find_offsets(getpid(), self_ns.ino, &self_ns))
		self_ns.mono_ns = self_ns.boot_ns = 0;
}

static bool shifted_clock(clockid_t clk)
{
	return clk == CLOCK_MONOTONIC || clk == CLOCK_BOOTTIME || clk == CLOCK_BOOTTIME_ALARM;
}

struct timespec timens_to_host(struct task *t, clockid_t clk, struct timespec ts)
{
	struct ns_offsets o;
	unsigned long ino;
	int64_t shift;

	if (!shifted_clock(clk))
		return ts;
	know_self();
	ino = ns_ino(t->tid, "time");
	if (!ino || ino == self_ns.ino || !lookup(t, ino, &o))
		return ts;
	if (clk == CLOCK_MONOTONIC)
		shift = o.mono_ns - self_ns.mono_ns;
	else
		shift = o.boot_ns - self_ns.boot_ns;
	return ns_to_ts(ts_to_ns(&ts) - shift);
}
