// SPDX-License-Identifier: MIT
/*
 * poll and ppoll.  Readiness is checked at once on duplicates of the
 * guest's fds (pidfd_getfd); only a call that would block goes to a
 * watcher, which waits for the duplicates to become ready.  When
 * something becomes ready the guest re-executes its own call, which
 * then returns at once with the kernel's exact revents.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../guest_mem.h"
#include "../task.h"
#include "families.h"
#include "guestfds.h"
#include "park.h"
#include "wait.h"

/* Larger sets are left to the kernel: rare, and costly to borrow. */
#define POLL_MAX_FDS 1024

struct poll_priv {
	uint64_t fds_addr;
	int nfds;
	uint64_t tsp_addr; /* ppoll's timeout, written back like the kernel */
	int timeout_arg;   /* poll's int timeout: argument index, or -1 */
};

static void close_fds(struct pollfd *pfds, int n)
{
	for (int i = 0; i < n; i++)
		if (pfds[i].fd >= 0)
			close(pfds[i].fd);
}

/* Zero every revents, as the kernel does when poll times out. */
static void clear_revents(pid_t tid, uint64_t addr, int n)
{
	static const short zero;
	struct iovec local[64], remote[64];

	for (int i = 0; i < n;) {
		int k = 0;

		for (; k < 64 && i < n; k++, i++) {
			local[k].iov_base = (void *)&zero;
			local[k].iov_len = sizeof(zero);
			remote[k].iov_base =
			    (void *)(uintptr_t)(addr + (uint64_t)i * sizeof(struct pollfd) +
						offsetof(struct pollfd, revents));
			remote[k].iov_len = sizeof(zero);
		}
		process_vm_writev(tid, local, (unsigned long)k, remote, (unsigned long)k, 0);
	}
}

/* Ready: the guest's own call returns the fds; timed out: 0. */
static void poll_ready(struct ewait *ew, int n)
{
	ewait_finish(ew, n > 0 ? EW_RERUN : EW_RETURN, 0);
}

static void write_remaining(struct ewait *ew, struct poll_priv *pp)
{
	struct timespec left;

	if (!pp->tsp_addr)
		return;
	left = ns_to_ts(ewait_remaining_ns(ew));
	guest_write(ew->tid, pp->tsp_addr, &left, sizeof(left));
}

static void poll_done(struct ewait *ew, struct arch_regs *regs)
{
	struct poll_priv *pp = ew->priv;

	write_remaining(ew, pp);
	if (ew->outcome == EW_RETURN) {
		clear_revents(ew->tid, pp->fds_addr, pp->nfds);
		return;
	}
	/* Re-executed: it must not wait its whole timeout again. */
	if (pp->timeout_arg >= 0 && ew->has_deadline)
		arch_regs_set_arg(regs, pp->timeout_arg, (uint64_t)ewait_remaining_ms(ew));
}

/* The kernel copies revents back on EINTR too: nothing was ready. */
static int poll_interrupted(struct ewait *ew)
{
	struct poll_priv *pp = ew->priv;

	write_remaining(ew, pp);
	clear_revents(ew->tid, pp->fds_addr, pp->nfds);
	return 0;
}

static void poll_release(struct ewait *ew)
{
	free(ew->priv);
}

static const struct ewait_ops poll_ops = {
    .name = "poll",
    .ready = poll_ready,
    .done = poll_done,
    .interrupted = poll_interrupted,
    .release = poll_release,
};

/* The timeout: -1 invalid (the kernel will say EINVAL/EFAULT), 0 none, 1 set. */
static int poll_timeout(struct task *t, int sysid, const uint64_t args[6], int64_t *ns)
{
	struct timespec ts;

	if (sysid == SYSID_poll) {
		int ms = (int)args[2];

		if (ms < 0)
			return 0;
		*ns = (int64_t)ms * 1000000;
		return 1;
	}
	if (!args[2])
		return 0;
	if (guest_read(t->tid, args[2], &ts, sizeof(ts)) < 0 || ts.tv_sec < 0 || ts.tv_nsec < 0 ||
	    ts.tv_nsec >= 1000000000)
		return -1;
	*ns = ts_to_ns(&ts);
	return 1;
}

bool emul_poll(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	int nfds = (int)args[1], has_timeout;
	uint64_t mask = sysid == SYSID_ppoll ? args[3] : 0;
	int64_t timeout_ns = 0;
	struct pollfd *pfds = NULL;
	struct poll_priv *pp = NULL;
	struct ewait *ew = NULL;

	if (args[1] > POLL_MAX_FDS)
		return false;
	has_timeout = poll_timeout(t, sysid, args, &timeout_ns);
	if (has_timeout < 0 || (has_timeout && timeout_ns == 0))
		return false;
	if (sysid == SYSID_ppoll && !guest_sigmask_ok(t->tid, mask, args[4]))
		return false;
	pfds = calloc((size_t)nfds + 1, sizeof(*pfds));
	pp = calloc(1, sizeof(*pp));
	if (!pfds || !pp || guest_read(t->tid, args[0], pfds, sizeof(*pfds) * (size_t)nfds) < 0)
		goto native;
	if (borrow_fds(t, pfds, nfds) < 0)
		goto native;
	ew = poll_consumes(pfds, nfds) ? NULL : ewait_new(t, &poll_ops, arch_regs_nr(regs), args);
	if (!ew) {
		close_fds(pfds, nfds);
		goto native;
	}
	ew->pfds = pfds;
	ew->npfds = nfds;
	ew->priv = pp;
	pp->fds_addr = args[0];
	pp->nfds = nfds;
	pp->tsp_addr = sysid == SYSID_ppoll ? args[2] : 0;
	pp->timeout_arg = sysid == SYSID_poll ? 2 : -1;
	if (has_timeout)
		ewait_set_relative(ew, CLOCK_MONOTONIC, timeout_ns);
	if (ready_now(pfds, nfds) || ewait_start(ew, regs, mask) < 0) {
		ewait_put(ew);
		return false;
	}
	return true;
native:
	free(pfds);
	free(pp);
	return false;
}
