// SPDX-License-Identifier: MIT
/*
 * -y: descriptors with what they refer to, as strace prints them:
 * read(3</etc/passwd>, ...), openat(...) = 3</etc/passwd>.  The
 * tracer provides the lookup (trace_mem.fd_path, /proc/TID/fd/N, or
 * /proc/TID/cwd for AT_FDCWD); the
 * decoders stay pure and print the bare number without it.
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "decode_impl.h"

/* Syscalls whose result is a new descriptor (strace's RVAL_FD), sorted. */
static const char *const fd_returners[] = {
    "accept",
    "accept4",
    "creat",
    "dup",
    "dup2",
    "dup3",
    "epoll_create",
    "epoll_create1",
    "eventfd",
    "eventfd2",
    "fanotify_init",
    "fsmount",
    "fsopen",
    "fspick",
    "inotify_init",
    "inotify_init1",
    "io_uring_setup",
    "landlock_create_ruleset",
    "memfd_create",
    "memfd_secret",
    "mq_open",
    "open",
    "open_by_handle_at",
    "open_tree",
    "openat",
    "openat2",
    "perf_event_open",
    "pidfd_getfd",
    "pidfd_open",
    "signalfd",
    "signalfd4",
    "socket",
    "timerfd_create",
    "userfaultfd",
};

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool returns_fd(const char *name)
{
	return name && bsearch(name, fd_returners, sizeof(fd_returners) / sizeof(fd_returners[0]),
			       sizeof(fd_returners[0]), cmp_name);
}

/* "<path>" after a descriptor (AT_FDCWD: the working directory). */
static void print_target(struct dctx *c, int fd)
{
	char path[4096];
	ssize_t n;

	if (!c->decode_fds || !c->mem || !c->mem->fd_path)
		return;
	n = c->mem->fd_path(c->mem->ctx, fd, path, sizeof(path) - 1);
	if (n <= 0)
		return;
	path[n] = '\0';
	sb_putc(c->sb, '<');
	sb_puts(c->sb, path);
	sb_putc(c->sb, '>');
}

/* "3</etc/passwd>", or "3" without -y or a lookup. */
void print_fd(struct dctx *c, int fd)
{
	sb_dec(c->sb, fd);
	if (fd >= 0)
		print_target(c, fd);
}

void print_at_fdcwd(struct dctx *c)
{
	size_t mark = const_begin(c->sb);

	sb_puts(c->sb, "AT_FDCWD");
	const_end_dec(c->sb, mark, AT_FDCWD);
	print_target(c, AT_FDCWD);
}
