// SPDX-License-Identifier: MIT
/* The task table: a small hash of traced threads by tid. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest_mem.h"

#include "task.h"

#define TASK_HASH 1024

static struct task *task_hash[TASK_HASH];
static struct proc *procs;
static int ntasks;
/* Frees what the layers above keep in a task (task_set_release()). */
static void (*release)(struct task *t);

static unsigned int hash(pid_t tid)
{
	return (unsigned int)tid % TASK_HASH;
}

struct task *task_find(pid_t tid)
{
	for (struct task *t = task_hash[hash(tid)]; t; t = t->hnext)
		if (t->tid == tid)
			return t;
	return NULL;
}

struct proc *proc_find(pid_t tgid)
{
	for (struct proc *p = procs; p; p = p->next)
		if (p->tgid == tgid)
			return p;
	return NULL;
}

struct proc *proc_first(void)
{
	return procs;
}

static struct proc *proc_get(pid_t tgid, pid_t ppid)
{
	struct proc *p = proc_find(tgid);

	if (p)
		return p;
	p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->tgid = tgid;
	p->ppid = ppid;
	p->pidfd = -1;
	/* Seccomp filters and epoll instances are inherited across fork and clone. */
	if (ppid && proc_find(ppid)) {
		p->own_seccomp = proc_find(ppid)->own_seccomp;
		p->epoll_special = proc_find(ppid)->epoll_special;
	}
	p->next = procs;
	procs = p;
	return p;
}

static void proc_put(struct proc *p)
{
	struct proc **pp;

	if (--p->nthreads > 0)
		return;
	for (pp = &procs; *pp; pp = &(*pp)->next) {
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	}
	if (p->pidfd >= 0)
		close(p->pidfd);
	free(p);
}

static void hash_insert(struct task *t)
{
	unsigned int h = hash(t->tid);

	t->hnext = task_hash[h];
	task_hash[h] = t;
}

static void hash_unlink(struct task *t)
{
	for (struct task **tp = &task_hash[hash(t->tid)]; *tp; tp = &(*tp)->hnext) {
		if (*tp == t) {
			*tp = t->hnext;
			return;
		}
	}
}

/*
 * Tids we reaped recently.  A new child can stop, exit and be reaped
 * before its parent's fork event is read; the event must not bring it
 * back to life in the table, or a wait for it would never end.
 */
#define REAPED_RING 64
static pid_t reaped[REAPED_RING];
static unsigned int reaped_next;

void task_note_reaped(pid_t tid)
{
	reaped[reaped_next++ % REAPED_RING] = tid;
}

bool task_was_reaped(pid_t tid)
{
	for (int i = 0; i < REAPED_RING; i++)
		if (reaped[i] == tid)
			return true;
	return false;
}

static void forget_reaped(pid_t tid)
{
	for (int i = 0; i < REAPED_RING; i++)
		if (reaped[i] == tid)
			reaped[i] = 0;
}

struct task *task_add(pid_t tid, pid_t tgid, pid_t ppid)
{
	struct task *t = task_find(tid);

	if (t)
		return t;
	forget_reaped(tid);
	t = calloc(1, sizeof(*t));
	if (!t)
		abort();
	t->tid = tid;
	t->pass_once = -1;
	t->proc = proc_get(tgid, ppid);
	t->proc->nthreads++;
	hash_insert(t);
	ntasks++;
	return t;
}

void task_set_release(void (*fn)(struct task *t))
{
	release = fn;
}

void task_remove(struct task *t)
{
	if (release)
		release(t);
	free(t->futex_exit);
	free(t->interrupt_counts);
	hash_unlink(t);
	proc_put(t->proc);
	ntasks--;
	free(t);
}

struct task *task_exec_rename(pid_t former_tid, pid_t leader)
{
	struct task *t = task_find(former_tid);
	struct task *old;

	if (former_tid == leader)
		return t;
	/* The old leader vanishes without an exit report of its own. */
	old = task_find(leader);
	if (old)
		task_remove(old);
	if (!t)
		return NULL;
	hash_unlink(t);
	t->tid = leader;
	hash_insert(t);
	return t;
}

int proc_pidfd(struct proc *p)
{
	if (p->pidfd < 0)
		p->pidfd = guest_pidfd_open(p->tgid);
	return p->pidfd;
}

int task_count(void)
{
	return ntasks;
}

void task_for_each(void (*fn)(struct task *t, void *arg), void *arg)
{
	for (int i = 0; i < TASK_HASH; i++)
		for (struct task *t = task_hash[i]; t; t = t->hnext)
			fn(t, arg);
}

/*
 * Once per new tracee: one read of the top of the file, where both lines
 * are, rather than the whole file through stdio.
 */
int proc_read_ids(pid_t tid, pid_t *tgid, pid_t *ppid)
{
	char path[64], buf[512];
	const char *line;
	ssize_t n;
	int fd;

	*tgid = 0;
	*ppid = 0;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* Name: is first and escapes its newlines, so "\nTgid:" is the line. */
	line = strstr(buf, "\nTgid:");
	if (line)
		*tgid = (pid_t)atoi(line + 6);
	line = strstr(buf, "\nPPid:");
	if (line)
		*ppid = (pid_t)atoi(line + 6);
	return *tgid ? 0 : -1;
}

void proc_read_line(pid_t tid, const char *name, char *buf, size_t len)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)tid, name);
	buf[0] = '\0';
	f = fopen(path, "re");
	if (!f)
		return;
	if (!fgets(buf, (int)len, f))
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* /proc/TID/stat from its state field on (the command name may hold a ')'); NULL if unreadable. */
static const char *stat_after_comm(pid_t tid, char *buf, size_t size)
{
	char path[64], *p;
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	len = read(fd, buf, size - 1);
	close(fd);
	if (len <= 0)
		return NULL;
	buf[len] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p + 2 : NULL;
}

char task_run_state(pid_t tid)
{
	char buf[1024];
	const char *p = stat_after_comm(tid, buf, sizeof(buf));

	return p ? *p : 0;
}

int task_last_cpu(pid_t tid)
{
	char buf[1024];
	const char *p = stat_after_comm(tid, buf, sizeof(buf));

	/* Field 39, "processor"; the state is field 3. */
	for (int field = 3; p; field++) {
		if (field == 39)
			return atoi(p);
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	return -1;
}
