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
#include "futex_table.h"
#include "park.h"
#include "timens.h"
#include "wait.h"

#ifndef FUTEX2_SIZE_MASK
#define FUTEX2_SIZE_MASK 0x03
#define FUTEX2_SIZE_U32	 0x02
#define FUTEX2_PRIVATE	 FUTEX_PRIVATE_FLAG
#endif

/* What a wake's exit stop adds to the kernel's count. */
struct futex_exit {
	int64_t woken;		/* listed waiters woken at the entry stop */
	bool wake_op;		/* FUTEX_WAKE_OP: wake the listed ones now */
	struct fkey key1, key2; /* FUTEX_WAKE_OP's words */
	int n1, n2;
};

static void futex_release(struct ewait *ew)
{
	struct fwaiter *w = ew->priv;

	futex_unlist(w);
	free(w);
}

static void futex_timed_out(struct ewait *ew, int n)
{
	(void)n;
	ewait_finish(ew, EW_RETURN, -ETIMEDOUT);
}

/* An untimed wait ends only by a wake, which the tracer itself makes. */
static const struct ewait_ops futex_ops = {
    .name = "futex",
    .release = futex_release,
};

static const struct ewait_ops futex_timed_ops = {
    .name = "futex",
    .ready = futex_timed_out,
    .release = futex_release,
};

/* The kernel wakes one waiter even for a count of 0 or less. */
static int wake_count(int n)
{
	return n > 0 ? n : 1;
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
	    futex_key_of(t, uaddr, op & FUTEX_PRIVATE_FLAG, &w->key) < 0)
		goto native;
	if (ewait_start(ew, regs, 0) < 0)
		goto native;
	futex_list(w);
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

	if ((uaddr & 3) || !bitset || !futex_may_have_waiters(t, uaddr, private))
		return false;
	if (futex_key_of(t, uaddr, private, &key) < 0)
		return false;
	n = wake_count(n);
	return finish_wake(t, regs, futex_wake_listed(&key, bitset, n), n, narg);
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
	    !futex_may_have_waiters(t, args[0], private))
		return false;
	if (cmd == FUTEX_CMP_REQUEUE &&
	    (guest_read(t->tid, args[0], &cur, sizeof(cur)) < 0 || cur != (uint32_t)args[5]))
		return false;
	if (futex_key_of(t, args[0], private, &key1) < 0 ||
	    futex_key_of(t, args[4], private, &key2) < 0)
		return false;
	futex_requeue_listed(&key1, &key2, nwake, nrequeue, &woken, &moved);
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
	if (!futex_may_have_waiters(t, args[0], private) &&
	    !futex_may_have_waiters(t, args[4], private))
		return false;
	if (futex_key_of(t, args[0], private, &key1) < 0 ||
	    futex_key_of(t, args[4], private, &key2) < 0 ||
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
		add = futex_wake_listed(&fx->key1, FUTEX_BITSET_MATCH_ANY, fx->n1);
		if (fx->n2 > 0)
			add += futex_wake_listed(&fx->key2, FUTEX_BITSET_MATCH_ANY, fx->n2);
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
