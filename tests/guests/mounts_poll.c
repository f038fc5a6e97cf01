// SPDX-License-Identifier: MIT
/*
 * poll, select and epoll on /proc/self/mounts (LTP epoll_wait10): a
 * mount change shows as POLLPRI|POLLERR to the first poll after it
 * only.  In a mount namespace of its own, the guest mounts and
 * unmounts a tmpfs, before the call and (from a thread, once the main
 * thread sleeps) during it, and prints what each call reported.
 * Exits 77 without the privilege for a mount namespace.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mount.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sigutil.h"

static char dir[] = "/tmp/mounts_poll.XXXXXX";
static int mounted;
static pid_t main_tid;

/* Mount or unmount the tmpfs: one change of the mount table. */
static void change(void)
{
	if (mounted ? umount(dir) : mount("none", dir, "tmpfs", 0, NULL))
		die("mount: %s", strerror(errno));
	mounted = !mounted;
}

static void *change_later(void *arg)
{
	(void)arg;
	wait_sleeping(main_tid, NULL);
	change();
	return NULL;
}

/* Read the table again: the next change is news again. */
static void reread(int fd)
{
	char buf[4096];

	lseek(fd, 0, SEEK_SET);
	while (read(fd, buf, sizeof(buf)) > 0)
		;
}

static void print_events(const char *what, int n, int ev)
{
	printf("%s: %d%s%s%s\n", what, n, ev & POLLPRI ? " PRI" : "", ev & POLLERR ? " ERR" : "",
	       ev & POLLIN ? " IN" : "");
}

static void one(const char *kind, int fd, int epfd, bool during)
{
	char what[64];
	pthread_t th;
	int n, ev = 0;

	snprintf(what, sizeof(what), "%s, change %s", kind, during ? "during" : "before");
	if (during)
		pthread_create(&th, NULL, change_later, NULL);
	else
		change();
	if (!strcmp(kind, "poll")) {
		struct pollfd p = {.fd = fd, .events = POLLPRI};

		n = poll(&p, 1, LONG_MS);
		ev = p.revents;
	} else if (!strcmp(kind, "select")) {
		fd_set ex;

		FD_ZERO(&ex);
		FD_SET(fd, &ex);
		n = select(fd + 1, NULL, NULL, &ex, &(struct timeval){.tv_sec = LONG_MS / 1000});
		ev = n > 0 && FD_ISSET(fd, &ex) ? POLLPRI : 0;
	} else {
		struct epoll_event e = {0};

		n = epoll_wait(epfd, &e, 1, LONG_MS);
		ev = (int)e.events;
	}
	if (during)
		pthread_join(th, NULL);
	print_events(what, n, ev);
	reread(fd);
}

int main(void)
{
	static const char *const kinds[] = {"poll", "select", "epoll"};
	struct epoll_event e = {.events = EPOLLPRI};
	int fd, epfd;

	if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		fprintf(stderr, "mounts_poll: no mount namespace: %s\n", strerror(errno));
		return 77;
	}
	if (!mkdtemp(dir))
		die("mkdtemp: %s", strerror(errno));
	main_tid = sys_gettid();
	fd = open("/proc/self/mounts", O_RDONLY);
	epfd = epoll_create1(0);
	if (fd < 0 || epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &e) < 0)
		die("setup: %s", strerror(errno));
	for (int i = 0; i < 3; i++) {
		one(kinds[i], fd, epfd, false);
		one(kinds[i], fd, epfd, false);
		one(kinds[i], fd, epfd, true);
		one(kinds[i], fd, epfd, true);
	}
	if (mounted)
		change();
	rmdir(dir);
	return 0;
}
