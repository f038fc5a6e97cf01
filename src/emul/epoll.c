// SPDX-License-Identifier: MIT
/*
 * epoll_wait, epoll_pwait and epoll_pwait2.  The watcher never calls
 * epoll_wait on the guest's instance, which would consume its events
 * (edge-triggered, EPOLLONESHOT): it polls the epoll fd itself, which
 * is readable exactly when events are available, and then the guest
 * re-executes its own epoll_wait to collect them.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "../guest_mem.h"
#include "../task.h"
#include "families.h"
#include "guestfds.h"
#include "park.h"
#include "wait.h"

/* Ready: the guest's own call returns the fds; timed out: 0. */
static void epoll_ready(struct ewait *ew, int n)
{
	ewait_finish(ew, n > 0 ? EW_RERUN : EW_RETURN, 0);
}

static void epoll_done(struct ewait *ew, struct arch_regs *regs)
{
	/* Re-executed with an int timeout: only the time that is left. */
	if (ew->outcome == EW_RERUN && ew->has_deadline && ew->priv)
		arch_regs_set_arg(regs, 3, (uint64_t)ewait_remaining_ms(ew));
}

static const struct ewait_ops epoll_ops = {
    .name = "epoll_wait",
    .eintr_on_stop = true,
    .ready = epoll_ready,
    .done = epoll_done,
};

static bool is_epoll(int fd)
{
	char path[64], target[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	return strcmp(target, "anon_inode:[eventpoll]") == 0;
}

/* The kernel's dev_t encoding (fdinfo's sdev) as user space's. */
static dev_t kernel_dev(unsigned int kdev)
{
	return makedev(kdev >> 20, kdev & 0xfffff);
}

/*
 * Must the guest's epoll instance epfd be waited on by the kernel
 * itself?  /proc/PID/fdinfo/EPFD lists each watched file with its
 * event mask and device ("events:", "sdev:").
 *  - A procfs file: polling an epoll instance polls its ready items,
 *    which for a mounts file takes the one POLLPRI a mount change gives
 *    (see poll_consumes).
 *  - EPOLLEXCLUSIVE: an event wakes one exclusive instance, chosen by
 *    the kernel among those with a thread blocked in epoll_wait; a
 *    watcher watching the instance is no such waiter, so every instance
 *    would see the event.
 */
static bool needs_kernel(pid_t tgid, int epfd)
{
	static dev_t proc_dev;
	char path[64], *line = NULL;
	size_t cap = 0;
	bool found = false;
	struct stat st;
	FILE *f;

	if (!proc_dev && stat("/proc/self", &st) == 0)
		proc_dev = st.st_dev;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)tgid, epfd);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (!found && getline(&line, &cap, f) > 0) {
		const char *events = strstr(line, " events:");
		const char *sdev = strstr(line, " sdev:");
		unsigned int kdev, mask;

		if (strncmp(line, "tfd:", 4))
			continue;
		if (events && sscanf(events + 8, "%x", &mask) == 1 && (mask & EPOLLEXCLUSIVE))
			found = true;
		if (sdev && sscanf(sdev + 6, "%x", &kdev) == 1 && kernel_dev(kdev) == proc_dev)
			found = true;
	}
	free(line);
	fclose(f);
	return found;
}

/*
 * epoll_ctl runs natively; the tracer only notes, per process, an
 * instance given an item that its waits must leave to the kernel (see
 * needs_kernel), so that only such processes pay for reading fdinfo at
 * each wait.
 */
static void note_ctl(struct task *t, const uint64_t args[6])
{
	int op = (int)args[1];
	struct epoll_event ev;
	struct pollfd pfd = {.fd = (int)args[2]};

	if (!t->proc || t->proc->epoll_special || (op != EPOLL_CTL_ADD && op != EPOLL_CTL_MOD))
		return;
	if (guest_read(t->tid, args[3], &ev, sizeof(ev)) == 0 && (ev.events & EPOLLEXCLUSIVE))
		t->proc->epoll_special = true;
	if (op != EPOLL_CTL_ADD || pfd.fd < 0 || borrow_fds(t, &pfd, 1) < 0)
		return;
	if (poll_consumes(&pfd, 1))
		t->proc->epoll_special = true;
	close(pfd.fd);
}

static int epoll_timeout(struct task *t, int sysid, const uint64_t args[6], int64_t *ns)
{
	struct timespec ts;

	if (sysid != SYSID_epoll_pwait2) {
		int ms = (int)args[3];

		if (ms < 0)
			return 0;
		*ns = (int64_t)ms * 1000000;
		return 1;
	}
	if (!args[3])
		return 0;
	if (guest_read(t->tid, args[3], &ts, sizeof(ts)) < 0 || ts.tv_sec < 0 || ts.tv_nsec < 0 ||
	    ts.tv_nsec >= 1000000000)
		return -1;
	*ns = ts_to_ns(&ts);
	return 1;
}

bool emul_epoll(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	int maxevents = (int)args[2], has_timeout;
	uint64_t mask = sysid == SYSID_epoll_wait ? 0 : args[4];
	int64_t timeout_ns = 0;
	struct pollfd *pfd;
	struct ewait *ew;

	if (sysid == SYSID_epoll_ctl) {
		note_ctl(t, args);
		return false;
	}
	if (maxevents <= 0 || maxevents > INT_MAX / (int)sizeof(struct epoll_event))
		return false;
	has_timeout = epoll_timeout(t, sysid, args, &timeout_ns);
	if (has_timeout < 0 || (has_timeout && timeout_ns == 0))
		return false;
	if (sysid != SYSID_epoll_wait && !guest_sigmask_ok(t->tid, mask, args[5]))
		return false;
	pfd = calloc(1, sizeof(*pfd));
	if (!pfd)
		return false;
	pfd->fd = (int)args[0];
	pfd->events = POLLIN;
	if (pfd->fd < 0 || borrow_fds(t, pfd, 1) < 0) {
		free(pfd);
		return false;
	}
	if (!is_epoll(pfd->fd) ||
	    (t->proc->epoll_special && needs_kernel(t->proc->tgid, (int)args[0]))) {
		close(pfd->fd);
		free(pfd);
		return false;
	}
	ew = ewait_new(t, &epoll_ops, arch_regs_nr(regs), args);
	if (!ew) {
		close(pfd->fd);
		free(pfd);
		return false;
	}
	ew->pfds = pfd;
	ew->npfds = 1;
	/* priv marks an int timeout argument that a rerun must shorten. */
	ew->priv = sysid == SYSID_epoll_pwait2 ? NULL : (void *)1;
	if (has_timeout)
		ewait_set_relative(ew, CLOCK_MONOTONIC, timeout_ns);
	if (ready_now(pfd, 1) || ewait_start(ew, regs, mask) < 0) {
		ewait_put(ew);
		return false;
	}
	return true;
}
