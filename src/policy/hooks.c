// SPDX-License-Identifier: MIT
/*
 * The calls in progress whose result a policy wants, by thread: the
 * arguments come from the seccomp stop (registers, not memory), the
 * result from the exit stop.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <linux/ptrace.h>

#include "policy/hooks.h"
#include "task.h"

struct pending {
	pid_t tid;
	long nr;
	uint64_t args[6];
	void *cookie;
	struct pending *next;
};

#define NBUCKETS 256

static const struct policy_sink *sink;
static struct pending *buckets[NBUCKETS];

void hooks_set_sink(const struct policy_sink *s)
{
	sink = s;
}

static struct pending **slot(pid_t tid)
{
	struct pending **pp = &buckets[(unsigned)tid % NBUCKETS];

	while (*pp && (*pp)->tid != tid)
		pp = &(*pp)->next;
	return pp;
}

void policy_seccomp_stop(struct task *t, const struct ptrace_syscall_info *info)
{
	struct pending **pp, *p;
	uint64_t args[6];

	if (!sink || !sink->watches((long)info->seccomp.nr))
		return;
	memcpy(args, info->seccomp.args, sizeof(args));
	if (sink->skip_exit && sink->skip_exit(t, (long)info->seccomp.nr, args))
		return;
	pp = slot(t->tid);
	p = *pp;
	if (!p) {
		p = calloc(1, sizeof(*p));
		if (!p)
			return;
		p->tid = t->tid;
		*pp = p;
	}
	p->nr = (long)info->seccomp.nr;
	memcpy(p->args, args, sizeof(p->args));
	/* A leftover entry: its thread died inside the call and the tid came back. */
	free(p->cookie);
	p->cookie = sink->enter ? sink->enter(t, p->nr, p->args) : NULL;
	t->flags |= TASK_POLICY_EXIT;
}

void policy_syscall_exit(struct task *t)
{
	struct pending **pp, *p;
	struct ptrace_syscall_info info;

	if (!(t->flags & TASK_POLICY_EXIT))
		return;
	t->flags &= ~(unsigned)TASK_POLICY_EXIT;
	pp = slot(t->tid);
	p = *pp;
	if (!p)
		return;
	*pp = p->next;
	if (sink && ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) > 0 &&
	    info.op == PTRACE_SYSCALL_INFO_EXIT)
		sink->exit(t, p->nr, p->args, info.exit.rval, p->cookie);
	else
		free(p->cookie);
	free(p);
}

void policy_exec_event(struct task *t)
{
	unsigned long former = 0;
	struct pending **pp, *p;

	if (!sink)
		return;
	ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &former);
	pp = slot(former ? (pid_t)former : t->tid);
	p = *pp;
	if (!p)
		return;
	*pp = p->next;
	sink->exit(t, p->nr, p->args, 0, p->cookie);
	free(p);
	t->flags &= ~(unsigned)TASK_POLICY_EXIT;
}

bool policy_signal_stop(struct task *t, int sig)
{
	return sink && sink->signal && sink->signal(t, sig);
}

void policy_exit_event(struct task *t)
{
	if (sink && sink->exit_event)
		sink->exit_event(t);
}

void policy_finish(void)
{
	if (!sink)
		return;
	for (size_t i = 0; i < NBUCKETS; i++)
		while (buckets[i]) {
			struct pending *next = buckets[i]->next;

			free(buckets[i]->cookie);
			free(buckets[i]);
			buckets[i] = next;
		}
	if (sink->finish)
		sink->finish();
}
