// SPDX-License-Identifier: MIT
/*
 * The futex table: every emulated futex waiter, listed under the key
 * the kernel would use, (process, address) for private memory and
 * (device, inode, offset) for shared mappings, so processes that map
 * the same file or shared memory at different addresses meet.  The
 * calls that list, wake and requeue are futex.c's.
 *
 * Wakes that do not go through a futex call come from the kernel: a
 * thread's exit clears its CLONE_CHILD_CLEARTID word (pthread_join) and
 * marks the robust mutexes it held.  Both change the word, so when a
 * thread exits every waiter that may share memory with it is checked,
 * and woken if its word no longer holds its value (emul_thread_exited).
 */
#include "config.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <linux/futex.h>

#include "../guest_mem.h"
#include "../task.h"
#include "emul.h"
#include "futex_table.h"
#include "wait.h"
#include "watch.h"

/* A list of waiters in arrival order, through one of their links. */
struct flist {
	struct fwaiter *head, *tail;
};

/*
 * The table, hashed by key as the kernel's is: a wake looks only at its
 * key's bucket, where the waiters of a key keep their arrival order (the
 * order the kernel wakes them in).  The waiters on shared keys are also
 * on one list of their own, for the wakes of a thread's exit, which
 * concern every shared word of the exiting thread.  Only the tracer
 * thread adds, wakes and requeues, but the watcher may drop the last
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

void futex_list(struct fwaiter *w)
{
	pthread_mutex_lock(&table_lock);
	list_add(w);
	pthread_mutex_unlock(&table_lock);
}

void futex_unlist(struct fwaiter *w)
{
	pthread_mutex_lock(&table_lock);
	list_del(w);
	pthread_mutex_unlock(&table_lock);
}

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

int futex_key_of(struct task *t, uint64_t uaddr, bool private, struct fkey *key)
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

/* No waiter of this process at this address and none in shared memory? */
bool futex_may_have_waiters(struct task *t, uint64_t uaddr, bool private)
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

int futex_wake_listed(const struct fkey *key, uint32_t bitset, int n)
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
		ewait_cancel(w->ew); /* a timed wait's deadline is watched no longer */
		list_del(w);
		woken++;
	}
	pthread_mutex_unlock(&table_lock);
	return woken;
}

void futex_requeue_listed(const struct fkey *key1, const struct fkey *key2, int nwake, int nrequeue,
			  int *woken, int *moved)
{
	struct flist *b1 = bucket_of(key1);
	struct fwaiter *w, *next, *stop;

	*woken = futex_wake_listed(key1, FUTEX_BITSET_MATCH_ANY, nwake);
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
