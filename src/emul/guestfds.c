// SPDX-License-Identifier: MIT
/*
 * Guest arguments shared by the fd-waiting families (poll.c, select.c,
 * epoll.c) and the sigmask-taking ones (sigwaits.c): the guest's fds
 * borrowed into the supervisor (pidfd_getfd) to be polled there, and
 * the checks made before a call is parked.
 */
#include "config.h"

#include <poll.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "../guest_mem.h"
#include "../task.h"
#include "guestfds.h"

int borrow_fds(struct task *t, struct pollfd *pfds, int n)
{
	int pidfd = proc_pidfd(t->proc);

	if (pidfd < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (pfds[i].fd < 0)
			continue;
		pfds[i].fd = guest_fd_dup(pidfd, pfds[i].fd);
		if (pfds[i].fd < 0) {
			for (int j = 0; j < i; j++)
				if (pfds[j].fd >= 0)
					close(pfds[j].fd);
			return -1;
		}
	}
	return 0;
}

#define PROCFS_MAGIC 0x9fa0

bool poll_consumes(const struct pollfd *pfds, int n)
{
	struct statfs sfs;

	for (int i = 0; i < n; i++)
		if (pfds[i].fd >= 0 && fstatfs(pfds[i].fd, &sfs) == 0 && sfs.f_type == PROCFS_MAGIC)
			return true;
	return false;
}

bool ready_now(struct pollfd *pfds, int n)
{
	int r = poll(pfds, (nfds_t)n, 0);

	return r != 0;
}

bool guest_sigmask_ok(pid_t tid, uint64_t mask, uint64_t size)
{
	uint64_t set;

	if (!mask)
		return true;
	return size == sizeof(set) && guest_read(tid, mask, &set, sizeof(set)) == 0;
}
