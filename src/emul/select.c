// SPDX-License-Identifier: MIT
/*
 * select and pselect6, emulated as a poll over the fds in the three
 * sets.  Linux writes the time left back to the timeout argument on
 * every return (select(2), "Linux notes"), including EINTR; so do we.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "../guest_mem.h"
#include "../task.h"
#include "families.h"
#include "guestfds.h"
#include "park.h"
#include "wait.h"

#define SELECT_MAX_FDS 4096
#define LONG_BITS      (8 * sizeof(unsigned long))

struct select_priv {
	int nfds;
	uint64_t set_addr[3]; /* read, write, except */
	uint64_t timeout_addr;
	bool timespec; /* pselect6: timespec; select: timeval */
};

static size_t fds_bytes(int n)
{
	return ((size_t)n + LONG_BITS - 1) / LONG_BITS * sizeof(unsigned long);
}

static bool fd_isset(const unsigned long *set, int fd)
{
	return set && (set[fd / LONG_BITS] >> (fd % LONG_BITS)) & 1;
}

static void write_timeout(struct ewait *ew, struct select_priv *sp)
{
	int64_t left = ewait_remaining_ns(ew);

	if (!sp->timeout_addr)
		return;
	if (sp->timespec) {
		struct timespec ts = ns_to_ts(left);

		guest_write(ew->tid, sp->timeout_addr, &ts, sizeof(ts));
	} else {
		struct timeval tv = {left / 1000000000, (left % 1000000000) / 1000};

		guest_write(ew->tid, sp->timeout_addr, &tv, sizeof(tv));
	}
}

/* Ready: the guest's own call returns the fds; timed out: 0. */
static void select_ready(struct ewait *ew, int n)
{
	ewait_finish(ew, n > 0 ? EW_RERUN : EW_RETURN, 0);
}

static void select_done(struct ewait *ew, struct arch_regs *regs)
{
	struct select_priv *sp = ew->priv;
	size_t len = fds_bytes(sp->nfds);
	void *zero;

	(void)regs;
	write_timeout(ew, sp);
	if (ew->outcome != EW_RETURN || !len)
		return;
	/* Timed out: the kernel hands back empty sets. */
	zero = calloc(1, len);
	if (!zero)
		return;
	for (int i = 0; i < 3; i++)
		if (sp->set_addr[i])
			guest_write(ew->tid, sp->set_addr[i], zero, len);
	free(zero);
}

static int select_interrupted(struct ewait *ew)
{
	write_timeout(ew, ew->priv);
	return 0;
}

static void select_release(struct ewait *ew)
{
	free(ew->priv);
}

static const struct ewait_ops select_ops = {
    .name = "select",
    .ready = select_ready,
    .done = select_done,
    .interrupted = select_interrupted,
    .release = select_release,
};

/* -1: let the kernel reject it; 0: no timeout; 1: *ns set. */
static int select_timeout(pid_t tid, uint64_t addr, bool timespec, int64_t *ns)
{
	if (!addr)
		return 0;
	if (timespec) {
		struct timespec ts;

		if (guest_read(tid, addr, &ts, sizeof(ts)) < 0 || ts.tv_sec < 0 || ts.tv_nsec < 0 ||
		    ts.tv_nsec >= 1000000000)
			return -1;
		*ns = ts_to_ns(&ts);
	} else {
		struct timeval tv;

		if (guest_read(tid, addr, &tv, sizeof(tv)) < 0 || tv.tv_sec < 0 || tv.tv_usec < 0 ||
		    tv.tv_usec >= 1000000)
			return -1;
		*ns = (int64_t)tv.tv_sec * 1000000000 + (int64_t)tv.tv_usec * 1000;
	}
	return 1;
}

/* pselect6's sixth argument: { const sigset_t *ss; size_t ss_len; }. */
static int pselect_mask(pid_t tid, uint64_t addr, uint64_t *mask)
{
	uint64_t pair[2];

	*mask = 0;
	if (!addr)
		return 0;
	if (guest_read(tid, addr, pair, sizeof(pair)) < 0)
		return -1;
	if (!guest_sigmask_ok(tid, pair[0], pair[1]))
		return -1;
	*mask = pair[0];
	return 0;
}

static struct pollfd *sets_to_pollfds(unsigned long *sets[3], int nfds, int *count)
{
	struct pollfd *pfds = calloc((size_t)nfds + 1, sizeof(*pfds));
	int n = 0;

	if (!pfds)
		return NULL;
	for (int fd = 0; fd < nfds; fd++) {
		short ev = 0;

		if (fd_isset(sets[0], fd))
			ev |= POLLIN;
		if (fd_isset(sets[1], fd))
			ev |= POLLOUT;
		if (fd_isset(sets[2], fd))
			ev |= POLLPRI;
		if (!ev)
			continue;
		pfds[n].fd = fd;
		pfds[n].events = ev;
		n++;
	}
	*count = n;
	return pfds;
}

static bool read_sets(pid_t tid, const uint64_t args[6], int nfds, unsigned long *sets[3])
{
	size_t len = fds_bytes(nfds);

	for (int i = 0; i < 3; i++) {
		sets[i] = NULL;
		if (!args[1 + i] || !len)
			continue;
		sets[i] = malloc(len);
		if (!sets[i] || guest_read(tid, args[1 + i], sets[i], len) < 0)
			return false;
	}
	return true;
}

bool emul_select(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	bool timespec = sysid == SYSID_pselect6;
	int nfds = (int)args[0], npfds = 0, has_timeout;
	unsigned long *sets[3] = {NULL, NULL, NULL};
	struct pollfd *pfds = NULL;
	struct select_priv *sp = NULL;
	struct ewait *ew = NULL;
	int64_t timeout_ns = 0;
	uint64_t mask = 0;
	bool emulated = false;

	if (nfds < 0 || nfds > SELECT_MAX_FDS)
		return false;
	has_timeout = select_timeout(t->tid, args[4], timespec, &timeout_ns);
	if (has_timeout < 0 || (has_timeout && timeout_ns == 0))
		return false;
	if (timespec && pselect_mask(t->tid, args[5], &mask) < 0)
		return false;
	if (!read_sets(t->tid, args, nfds, sets))
		goto out;
	pfds = sets_to_pollfds(sets, nfds, &npfds);
	sp = calloc(1, sizeof(*sp));
	if (!pfds || !sp || borrow_fds(t, pfds, npfds) < 0)
		goto out;
	ew =
	    poll_consumes(pfds, npfds) ? NULL : ewait_new(t, &select_ops, arch_regs_nr(regs), args);
	if (!ew) {
		for (int i = 0; i < npfds; i++)
			close(pfds[i].fd);
		goto out;
	}
	ew->pfds = pfds;
	ew->npfds = npfds;
	ew->priv = sp;
	pfds = NULL;
	sp->nfds = nfds;
	for (int i = 0; i < 3; i++)
		sp->set_addr[i] = args[1 + i];
	sp->timeout_addr = args[4];
	sp->timespec = timespec;
	sp = NULL;
	if (has_timeout)
		ewait_set_relative(ew, CLOCK_MONOTONIC, timeout_ns);
	if (ready_now(ew->pfds, ew->npfds) || ewait_start(ew, regs, mask) < 0)
		ewait_put(ew);
	else
		emulated = true;
out:
	for (int i = 0; i < 3; i++)
		free(sets[i]);
	free(pfds);
	free(sp);
	return emulated;
}
