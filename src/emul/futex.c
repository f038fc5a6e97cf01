// SPDX-License-Identifier: MIT
/*
 * futex: waits, wakes and requeues.
 *
 * A supervisor thread cannot sleep on a futex word of another process,
 * so ptsandbox keeps its own futex table, as gVisor's sentry does: a
 * waiter is parked like every emulated wait and listed under the key
 * the kernel would use, (process, address) for private memory and
 * (device, inode, offset) for shared mappings, so processes that map
 * the same file or shared memory at different addresses meet.
 *
 * Every wait and wake is handled by the tracer thread at its seccomp
 * stop, one after another.  A waiter's word is compared with its value
 * and the waiter listed before any later wake is looked at, and a waker
 * stores to the word before it makes the call, so a wake can no more be
 * lost between check and sleep than in the kernel.
 *
 * Wakes that do not go through a futex call come from the kernel: a
 * thread's exit clears its CLONE_CHILD_CLEARTID word (pthread_join) and
 * marks the robust mutexes it held.  Both change the word, so when a
 * thread exits every waiter that may share memory with it is checked,
 * and woken if its word no longer holds its value: at worst a spurious
 * wakeup, which futex(2) allows and every futex user must handle.
 *
 * Waits the table does not cover stay native and meet the native part
 * of every wake: whatever a wake leaves of its count after the listed
 * waiters goes on to the kernel.  PI futexes, futex_waitv and the
 * futex2 waits are such waits.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>

#include "../guest_mem.h"
#include "../restart.h"
#include "../task.h"
#include "emul.h"
#include "families.h"
#include "park.h"
#include "timens.h"
#include "wait.h"
#include "workers.h"

#ifndef FUTEX2_SIZE_MASK
#define FUTEX2_SIZE_MASK 0x03
#define FUTEX2_SIZE_U32	 0x02
#define FUTEX2_PRIVATE	 FUTEX_PRIVATE_FLAG
#endif

/*
 * What the kernel's get_futex_key() would make of an address.  A
 * private call and a shared one on the same private page make
 * different keys (the kernel marks the shared one FUT_OFF_MMSHARED):
 * they never wake each other.
 */
enum fkey_kind { FK_PRIVATE, FK_MMSHARED, FK_INODE };

struct fkey {
	enum fkey_kind kind;
	uint64_t a; /* FK_PRIVATE, FK_MMSHARED: tgid; FK_INODE: device */
	uint64_t b; /* FK_PRIVATE, FK_MMSHARED: address; FK_INODE: inode */
	uint64_t c; /* FK_INODE: byte offset in the file */
};

struct fwaiter;

struct flink {
	struct fwaiter *prev, *next;
};

/* A list of waiters in arrival order, through one of their links. */
struct flist {
	struct fwaiter *head, *tail;
};

struct fwaiter {
	struct fkey key;
	uint64_t uaddr;
	uint32_t val;
	uint32_t bitset;
	struct ewait *ew;
	bool listed;
	struct flink bucket; /* in its key's bucket, in arrival order */
	struct flink shared; /* in shared_waiters, if its key is not private */
};

/* What a wake's exit stop adds to the kernel's count. */
struct futex_exit {
	int64_t woken;		/* listed waiters woken at the entry stop */
	bool wake_op;		/* FUTEX_WAKE_OP: wake the listed ones now */
	struct fkey key1, key2; /* FUTEX_WAKE_OP's words */
	int n1, n2;
};

/*
 * The table, hashed by key as the kernel's is: a wake looks only at its
 * key's bucket, where the waiters of a key keep their arrival order (the
 * order the kernel wakes them in).  The waiters on shared keys are also
 * on one list of their own, for the wakes of a thread's exit, which
 * concern every shared word of the exiting thread.  Only the tracer
 * thread adds, wakes and requeues, but a worker may drop the last
 * reference to a wait, which unlists it.
 */
#define FUTEX_HASH_BITS 8

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static struct flist buckets[1 << FUTEX_HASH_BITS];
static struct flist shared_waiters;
static int ninode; /* listed waiters with an FK_INODE key */

static bool key_eq(const struct fkey *x, const struct fkey *y)
{
	return x->kind == y->kind && x->a == y->a && x->b == y->b && x->c == y->c;
}

static struct flist *bucket_of(const struct fkey *key)
{
	const uint64_t mul = 0x9e3779b97f4a7c15ull; /* 2^64 / golden ratio */
	uint64_t h = (uint64_t)key->kind;

	h = (h ^ key->a) * mul;
	h = (h ^ key->b) * mul;
	h = (h ^ key->c) * mul;
	return &buckets[h >> (64 - FUTEX_HASH_BITS)];
}

static struct flink *link_of(struct fwaiter *w, bool shared)
{
	return shared ? &w->shared : &w->bucket;
}

static void flist_append(struct flist *l, struct fwaiter *w, bool shared)
{
	struct flink *k = link_of(w, shared);

	k->prev = l->tail;
	k->next = NULL;
	if (l->tail)
		link_of(l->tail, shared)->next = w;
	else
		l->head = w;
	l->tail = w;
}

static void flist_remove(struct flist *l, struct fwaiter *w, bool shared)
{
	struct flink *k = link_of(w, shared);

	if (k->prev)
		link_of(k->prev, shared)->next = k->next;
	else
		l->head = k->next;
	if (k->next)
		link_of(k->next, shared)->prev = k->prev;
	else
		l->tail = k->prev;
}

static void list_add(struct fwaiter *w)
{
	flist_append(bucket_of(&w->key), w, false);
	if (w->key.kind != FK_PRIVATE)
		flist_append(&shared_waiters, w, true);
	w->listed = true;
	if (w->key.kind == FK_INODE)
		ninode++;
}

static void list_del(struct fwaiter *w)
{
	if (!w->listed)
		return;
	flist_remove(bucket_of(&w->key), w, false);
	if (w->key.kind != FK_PRIVATE)
		flist_remove(&shared_waiters, w, true);
	w->listed = false;
	if (w->key.kind == FK_INODE)
		ninode--;
}

static void futex_release(struct ewait *ew)
{
	struct fwaiter *w = ew->priv;

	pthread_mutex_lock(&table_lock);
	list_del(w);
	pthread_mutex_unlock(&table_lock);
	free(w);
}

static void futex_timed_work(struct ewait *ew)
{
	int ret = ewait_sleep_until(ew, ew->clock, &ew->deadline);

	if (ret > 0)
		ewait_finish(ew, EW_RETURN, -ETIMEDOUT);
	else if (ret < 0)
		ewait_finish(ew, EW_RERUN, 0); /* no timer: the kernel's own wait */
}

/* An untimed wait ends only by a wake, which the tracer itself makes. */
static const struct ewait_ops futex_ops = {
    .name = "futex",
    .release = futex_release,
};

static const struct ewait_ops futex_timed_ops = {
    .name = "futex",
    .work = futex_timed_work,
    .release = futex_release,
};

/*
 * The mapping that holds addr decides the key of a shared futex: a
 * shared mapping's page belongs to a file (or to shared memory, which
 * is a file too), a private one to the process.
 */
static int shared_key(pid_t tid, pid_t tgid, uint64_t addr, struct fkey *key)
{
	char path[64], line[512];
	FILE *f;
	int ret = -1;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		uint64_t start, end, off, ino;
		unsigned int major, minor;
		char perms[5];

		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %4s %" SCNx64 " %x:%x %" SCNu64, &start,
			   &end, perms, &off, &major, &minor, &ino) != 7)
			continue;
		if (addr < start || addr >= end)
			continue;
		if (perms[3] == 's') {
			key->kind = FK_INODE;
			key->a = (uint64_t)major << 32 | minor;
			key->b = ino;
			key->c = off + (addr - start);
		} else {
			key->kind = FK_MMSHARED;
			key->a = (uint64_t)tgid;
			key->b = addr;
			key->c = 0;
		}
		ret = 0;
		break;
	}
	fclose(f);
	return ret;
}

static int key_of(struct task *t, uint64_t uaddr, bool private, struct fkey *key)
{
	if (private) {
		key->kind = FK_PRIVATE;
		key->a = (uint64_t)t->proc->tgid;
		key->b = uaddr;
		key->c = 0;
		return 0;
	}
	return shared_key(t->tid, t->proc->tgid, uaddr, key);
}

/*
 * Could a wake at uaddr concern a listed waiter?  Answers without the
 * cost of a /proc read for a shared futex in the common case: no
 * waiter of this process at this address and none in shared memory.
 */
static bool may_have_waiters(struct task *t, uint64_t uaddr, bool private)
{
	struct fkey key = {
	    .kind = private ? FK_PRIVATE : FK_MMSHARED,
	    .a = (uint64_t)t->proc->tgid,
	    .b = uaddr,
	};
	bool found = false;

	pthread_mutex_lock(&table_lock);
	if (!private && ninode)
		found = true;
	for (struct fwaiter *w = bucket_of(&key)->head; w && !found; w = w->bucket.next)
		found = key_eq(&w->key, &key);
	pthread_mutex_unlock(&table_lock);
	return found;
}

/* The kernel wakes one waiter even for a count of 0 or less. */
static int wake_count(int n)
{
	return n > 0 ? n : 1;
}

/* Wake up to n listed waiters on key whose bitset meets bitset. */
static int wake_listed(const struct fkey *key, uint32_t bitset, int n)
{
	struct fwaiter *w, *next;
	int woken = 0;

	pthread_mutex_lock(&table_lock);
	for (w = bucket_of(key)->head; w && woken < n; w = next) {
		next = w->bucket.next;
		if (!key_eq(&w->key, key) || !(w->bitset & bitset))
			continue;
		/* Lost to a timeout or a signal: not a waiter any more. */
		if (!ewait_finish_here(w->ew, EW_RETURN, 0))
			continue;
		ewait_cancel(w->ew); /* a timed wait's worker sleeps no longer */
		list_del(w);
		woken++;
	}
	pthread_mutex_unlock(&table_lock);
	return woken;
}

/* Move up to n waiters from key1 to key2, after waking nwake of them. */
static void requeue_listed(const struct fkey *key1, const struct fkey *key2, int nwake,
			   int nrequeue, int *woken, int *moved)
{
	struct flist *b1 = bucket_of(key1);
	struct fwaiter *w, *next, *stop;

	*woken = wake_listed(key1, FUTEX_BITSET_MATCH_ANY, nwake);
	*moved = 0;
	pthread_mutex_lock(&table_lock);
	/*
	 * The requeued go to the back of key2's queue, in their order; key2
	 * may share key1's bucket, so the walk ends at its old tail.
	 */
	for (w = b1->head, stop = b1->tail; w && *moved < nrequeue; w = next) {
		next = w == stop ? NULL : w->bucket.next;
		if (!key_eq(&w->key, key1) || atomic_load(&w->ew->state) != EW_WAITING)
			continue;
		list_del(w);
		w->key = *key2;
		list_add(w);
		(*moved)++;
	}
	pthread_mutex_unlock(&table_lock);
}

/*
 * The wait's timeout: relative for FUTEX_WAIT (the kernel measures it
 * on CLOCK_MONOTONIC even with FUTEX_CLOCK_REALTIME), an absolute
 * deadline on the flag's clock for FUTEX_WAIT_BITSET.  Returns false
 * when the call would fail or time out at once.
 */
static bool wait_deadline(struct ewait *ew, int cmd, int op, uint64_t ts_addr)
{
	struct timespec ts;

	if (!ts_addr)
		return true;
	if (guest_read(ew->tid, ts_addr, &ts, sizeof(ts)) < 0 || !ts_valid(&ts))
		return false;
	if (cmd == FUTEX_WAIT) {
		if (ts.tv_sec == 0 && ts.tv_nsec == 0)
			return false;
		ewait_set_relative(ew, CLOCK_MONOTONIC, ts_to_ns(&ts));
		return true;
	}
	ew->has_deadline = true;
	ew->clock = op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC;
	ew->deadline = timens_to_host(ew->task, ew->clock, ts);
	return ewait_remaining_ns(ew) > 0;
}

static bool futex_wait(struct task *t, const uint64_t args[6], struct arch_regs *regs)
{
	int op = (int)args[1], cmd = op & FUTEX_CMD_MASK;
	uint32_t bitset = cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : (uint32_t)args[5];
	uint64_t uaddr = args[0];
	struct fwaiter *w;
	struct ewait *ew;
	uint32_t cur;

	/*
	 * Misaligned, bad pointer, empty bitset, value changed, a clock
	 * FUTEX_WAIT does not take (ENOSYS): the kernel says so at once.
	 */
	if ((uaddr & 3) || !bitset || (cmd == FUTEX_WAIT && (op & FUTEX_CLOCK_REALTIME)) ||
	    guest_read(t->tid, uaddr, &cur, sizeof(cur)) < 0 || cur != (uint32_t)args[2])
		return false;
	w = calloc(1, sizeof(*w));
	ew = w ? ewait_new(t, args[3] ? &futex_timed_ops : &futex_ops, arch_regs_nr(regs), args)
	       : NULL;
	if (!ew) {
		free(w);
		return false;
	}
	ew->priv = w;
	w->ew = ew;
	w->uaddr = uaddr;
	w->val = (uint32_t)args[2];
	w->bitset = bitset;
	/* Timed waits end with EINTR after a handler, untimed ones restart (signal(7)). */
	ew->restart = args[3] ? EINTR : ERESTARTSYS;
	if (!wait_deadline(ew, cmd, op, args[3]) ||
	    key_of(t, uaddr, op & FUTEX_PRIVATE_FLAG, &w->key) < 0)
		goto native;
	if (ewait_start(ew, regs, 0) < 0)
		goto native;
	pthread_mutex_lock(&table_lock);
	list_add(w);
	pthread_mutex_unlock(&table_lock);
	return true;
native:
	ewait_put(ew);
	return false;
}

/* The call completes at once with result: it is not made at all. */
static bool skip_call(struct task *t, struct arch_regs *regs, int64_t result)
{
	arch_regs_set_nr(regs, -1);
	arch_regs_set_ret(regs, result);
	return arch_set_regs(t->tid, regs) == 0;
}

/* Its exit stop adds what the listed waiters gave to the kernel's count. */
static struct futex_exit *want_exit(struct task *t)
{
	if (!t->futex_exit)
		t->futex_exit = calloc(1, sizeof(*t->futex_exit));
	if (!t->futex_exit)
		return NULL;
	memset(t->futex_exit, 0, sizeof(*t->futex_exit));
	t->flags |= TASK_FUTEX_EXIT;
	return t->futex_exit;
}

/*
 * The listed waiters take their share of the count first; the rest of
 * it goes to the kernel for the native waiters, if any is left.
 */
static bool finish_wake(struct task *t, struct arch_regs *regs, int woken, int n, int narg)
{
	struct futex_exit *fx;

	if (!woken)
		return false;
	if (woken >= n)
		return skip_call(t, regs, woken);
	fx = want_exit(t);
	if (!fx)
		return skip_call(t, regs, woken);
	fx->woken = woken;
	arch_regs_set_arg(regs, narg, (uint64_t)(n - woken));
	return arch_set_regs(t->tid, regs) == 0;
}

static bool futex_wake(struct task *t, uint64_t uaddr, bool private, uint32_t bitset, int n,
		       struct arch_regs *regs, int narg)
{
	struct fkey key;

	if ((uaddr & 3) || !bitset || !may_have_waiters(t, uaddr, private))
		return false;
	if (key_of(t, uaddr, private, &key) < 0)
		return false;
	n = wake_count(n);
	return finish_wake(t, regs, wake_listed(&key, bitset, n), n, narg);
}

static bool futex_requeue(struct task *t, const uint64_t args[6], struct arch_regs *regs)
{
	int op = (int)args[1], cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG;
	int nwake = (int)args[2], nrequeue = (int)args[3], woken, moved;
	struct fkey key1, key2;
	struct futex_exit *fx;
	uint32_t cur;

	if ((args[0] & 3) || (args[4] & 3) || nwake < 0 || nrequeue < 0 ||
	    !may_have_waiters(t, args[0], private))
		return false;
	if (cmd == FUTEX_CMP_REQUEUE &&
	    (guest_read(t->tid, args[0], &cur, sizeof(cur)) < 0 || cur != (uint32_t)args[5]))
		return false;
	if (key_of(t, args[0], private, &key1) < 0 || key_of(t, args[4], private, &key2) < 0)
		return false;
	requeue_listed(&key1, &key2, nwake, nrequeue, &woken, &moved);
	if (!woken && !moved)
		return false;
	/* Both count the requeued waiters too (futex(2) says otherwise for REQUEUE). */
	fx = want_exit(t);
	if (!fx)
		return skip_call(t, regs, woken + moved);
	fx->woken = woken + moved;
	arch_regs_set_arg(regs, 2, (uint64_t)(nwake - woken));
	arch_regs_set_arg(regs, 3, (uint64_t)(nrequeue - moved));
	return arch_set_regs(t->tid, regs) == 0;
}

/* FUTEX_OP's comparison of the old value with cmparg. */
static bool wake_op_cmp(uint32_t encoded, uint32_t oldval)
{
	int cmp = (int)(encoded >> 24) & 15;
	int cmparg = (int)(encoded << 20) >> 20;
	int old = (int)oldval;

	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return old == cmparg;
	case FUTEX_OP_CMP_NE:
		return old != cmparg;
	case FUTEX_OP_CMP_LT:
		return old < cmparg;
	case FUTEX_OP_CMP_LE:
		return old <= cmparg;
	case FUTEX_OP_CMP_GT:
		return old > cmparg;
	case FUTEX_OP_CMP_GE:
		return old >= cmparg;
	}
	return false;
}

/*
 * FUTEX_WAKE_OP's atomic operation on the second word is the guest's
 * own, so the call runs natively and the listed waiters are woken at
 * its exit, after the operation, as the kernel wakes them.  Whether
 * the second word's waiters wake depends on its old value, read here
 * just before the call runs.
 */
static bool futex_wake_op(struct task *t, const uint64_t args[6])
{
	bool private = (int)args[1] & FUTEX_PRIVATE_FLAG;
	struct futex_exit *fx;
	struct fkey key1, key2;
	uint32_t old;

	if ((args[0] & 3) || (args[4] & 3))
		return false;
	if (!may_have_waiters(t, args[0], private) && !may_have_waiters(t, args[4], private))
		return false;
	if (key_of(t, args[0], private, &key1) < 0 || key_of(t, args[4], private, &key2) < 0 ||
	    guest_read(t->tid, args[4], &old, sizeof(old)) < 0)
		return false;
	fx = want_exit(t);
	if (!fx)
		return false;
	fx->wake_op = true;
	fx->key1 = key1;
	fx->key2 = key2;
	fx->n1 = wake_count((int)args[2]);
	fx->n2 = wake_op_cmp((uint32_t)args[5], old) ? wake_count((int)args[3]) : 0;
	return true;
}

void emul_futex_exit(struct task *t, int64_t ret)
{
	struct futex_exit *fx = t->futex_exit;
	struct arch_regs regs;
	int64_t add;

	t->flags &= ~(unsigned)TASK_FUTEX_EXIT;
	if (!fx)
		return;
	add = fx->woken;
	if (fx->wake_op) {
		/* A failed operation wakes nobody. */
		if (ret < 0)
			return;
		add = wake_listed(&fx->key1, FUTEX_BITSET_MATCH_ANY, fx->n1);
		if (fx->n2 > 0)
			add += wake_listed(&fx->key2, FUTEX_BITSET_MATCH_ANY, fx->n2);
	}
	if (!add || arch_get_regs(t->tid, &regs) < 0)
		return;
	/* The kernel's part failed (the word changed since): ours stands alone. */
	arch_regs_set_ret(&regs, ret < 0 ? add : ret + add);
	arch_set_regs(t->tid, &regs);
}

bool emul_futex(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	int op = (int)args[1];
	bool private = op & FUTEX_PRIVATE_FLAG;

	if (sysid == SYSID_futex_wake) {
		/* futex_wake(uaddr, mask, nr, flags): 32-bit words only. */
		if ((args[3] & FUTEX2_SIZE_MASK) != FUTEX2_SIZE_U32)
			return false;
		return futex_wake(t, args[0], args[3] & FUTEX2_PRIVATE, (uint32_t)args[1],
				  (int)args[2], regs, 2);
	}
	/* FUTEX_CLOCK_REALTIME only goes with the waits. */
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		return futex_wait(t, args, regs);
	case FUTEX_WAKE:
		if (op & FUTEX_CLOCK_REALTIME)
			return false;
		return futex_wake(t, args[0], private, FUTEX_BITSET_MATCH_ANY, (int)args[2], regs,
				  2);
	case FUTEX_WAKE_BITSET:
		if (op & FUTEX_CLOCK_REALTIME)
			return false;
		return futex_wake(t, args[0], private, (uint32_t)args[5], (int)args[2], regs, 2);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		if (op & FUTEX_CLOCK_REALTIME)
			return false;
		return futex_requeue(t, args, regs);
	case FUTEX_WAKE_OP:
		if (op & FUTEX_CLOCK_REALTIME)
			return false;
		return futex_wake_op(t, args);
	}
	/* PI futexes and anything new: the kernel's. */
	return false;
}

/* Has this exit already woken a waiter on key (the kernel wakes one per word)? */
static bool key_seen(const struct fkey *seen, int nseen, const struct fkey *key)
{
	for (int i = 0; i < nseen; i++)
		if (key_eq(&seen[i], key))
			return true;
	return false;
}

/*
 * Did the exit of tid change this word the way the kernel does when it
 * wakes: its CLONE_CHILD_CLEARTID word cleared to 0, or a robust mutex
 * it held marked FUTEX_OWNER_DIED?  The CLEARTID word need not have
 * held tid (it does only with CLONE_CHILD_SETTID or pthreads; LTP
 * clone08 waits on -1), and its address is not known here, so any
 * waited-on word now 0 counts: at worst a spurious wakeup.
 */
static bool exit_changed(const struct fwaiter *w, pid_t tid, uint32_t cur)
{
	if (w->val != 0 && cur == 0)
		return true;
	return (w->val & FUTEX_TID_MASK) == (uint32_t)tid && (cur & FUTEX_OWNER_DIED) &&
	       !(cur & FUTEX_TID_MASK);
}

/*
 * Thread tid of tgid was reaped.  The kernel cleared its CLEARTID word
 * and marked its robust mutexes, each with a shared wake of one waiter
 * and no futex call: the same wakes are made here for the listed
 * waiters whose word shows the change.  Private waiters never meet
 * those shared wakes.
 */
void emul_thread_exited(pid_t tid, pid_t tgid)
{
	struct fkey seen[16];
	int nseen = 0;
	struct fwaiter *w, *next;

	pthread_mutex_lock(&table_lock);
	for (w = shared_waiters.head; w; w = next) {
		uint32_t cur;

		next = w->shared.next;
		if (w->key.kind == FK_MMSHARED && w->key.a != (uint64_t)tgid)
			continue;
		if (atomic_load(&w->ew->state) != EW_WAITING || key_seen(seen, nseen, &w->key))
			continue;
		if (guest_read(w->ew->tid, w->uaddr, &cur, sizeof(cur)) < 0 ||
		    !exit_changed(w, tid, cur))
			continue;
		if (!ewait_finish_here(w->ew, EW_RETURN, 0))
			continue;
		ewait_cancel(w->ew);
		list_del(w);
		if (nseen < (int)(sizeof(seen) / sizeof(seen[0])))
			seen[nseen++] = w->key;
	}
	pthread_mutex_unlock(&table_lock);
}
