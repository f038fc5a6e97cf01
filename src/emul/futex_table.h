/* SPDX-License-Identifier: MIT */
/*
 * The supervisor's futex table (futex_table.c): listed waiters under
 * the key the kernel would use, hashed by key.  futex.c makes the
 * calls; the table wakes and requeues what is listed, and makes the
 * kernel's own wakes of a thread's exit.
 */
#ifndef PTSANDBOX_EMUL_FUTEX_TABLE_H
#define PTSANDBOX_EMUL_FUTEX_TABLE_H

#include <stdbool.h>
#include <stdint.h>

struct ewait;
struct task;

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

/* The key of uaddr for t's call (private: FUTEX_PRIVATE_FLAG); -1 if unmapped. */
int futex_key_of(struct task *t, uint64_t uaddr, bool private, struct fkey *key);
/*
 * Could a wake at uaddr concern a listed waiter?  Answers without the
 * cost of a /proc read for a shared futex in the common case.
 */
bool futex_may_have_waiters(struct task *t, uint64_t uaddr, bool private);
/* List w under w->key, behind the key's earlier waiters. */
void futex_list(struct fwaiter *w);
/* Take w off the table, if it is listed. */
void futex_unlist(struct fwaiter *w);
/* Wake up to n listed waiters on key whose bitset meets bitset; returns how many. */
int futex_wake_listed(const struct fkey *key, uint32_t bitset, int n);
/* Move up to nrequeue waiters from key1 to key2, after waking nwake of them. */
void futex_requeue_listed(const struct fkey *key1, const struct fkey *key2, int nwake, int nrequeue,
			  int *woken, int *moved);

#endif
