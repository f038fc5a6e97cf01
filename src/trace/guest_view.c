// SPDX-License-Identifier: MIT
/*
 * What the decoders see of a guest thread: its memory (guest_mem.c)
 * and, for -y, /proc/TID/fd/FD's link, what strace shows in <...>;
 * -yy adds a device's numbers and what a socket is (trace/sockinfo.c).
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "guest_mem.h"
#include "task.h"
#include "trace/guest_view.h"
#include "trace/sockinfo.h"

static int level;

void guest_view_init(int decode_fds)
{
	level = decode_fds;
}

/* -yy: what the guest's socket fd is, from a duplicate of it. */
static ssize_t describe_socket(pid_t tid, int fd, unsigned long ino, char *buf, size_t len)
{
	struct task *t = task_find(tid);
	int pidfd = t ? proc_pidfd(t->proc) : -1, dup;
	ssize_t n;

	if (pidfd < 0 || (dup = guest_fd_dup(pidfd, fd)) < 0)
		return -1;
	n = sock_describe(dup, tid, ino, buf, len);
	close(dup);
	return n;
}

/* -y: /proc/TID/fd/FD's link, what strace shows in <...>. */
static ssize_t fd_path(void *ctx, int fd, char *buf, size_t len)
{
	char link[64];
	unsigned long ino;
	ssize_t n, d;
	char *end;

	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)(intptr_t)ctx);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)(intptr_t)ctx, fd);
	n = readlink(link, buf, len);
	if (n <= 0 || level < 2)
		return n;
	/* -yy: a device's numbers, "/dev/null<char 1:3>". */
	if (strncmp(buf, "socket:[", 8)) {
		struct stat st;
		int w;

		if (stat(link, &st) < 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
			return n;
		w = snprintf(buf + n, len - (size_t)n, "<%s %u:%u>",
			     S_ISCHR(st.st_mode) ? "char" : "block", major(st.st_rdev),
			     minor(st.st_rdev));
		return w > 0 && (size_t)w < len - (size_t)n ? n + w : n;
	}
	/* -yy: "socket:[INO]" becomes what the socket is, when known. */
	buf[n < (ssize_t)len ? n : (ssize_t)len - 1] = '\0';
	ino = strtoul(buf + 8, &end, 10);
	if (*end != ']')
		return n;
	d = describe_socket((pid_t)(intptr_t)ctx, fd, ino, buf, len);
	return d > 0 ? d : n;
}

struct trace_mem guest_view(pid_t tid)
{
	const struct trace_mem mem = {guest_read_upto, (void *)(intptr_t)tid, fd_path};

	return mem;
}
