// SPDX-License-Identifier: MIT
/*
 * The structures of descriptor waits, as strace prints them: poll's
 * pollfd array and its result, select's fd_sets and theirs,
 * pselect6's sigmask pair, epoll events.
 */
#include "config.h"

#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

#include "decode_impl.h"

/* ---- descriptors ---- */

bool pr_pollfd(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i], n = (uint32_t)c->args[i + 1];
	struct pollfd pfd;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return true;
	}
	if (n && !mem_read(c, addr, &pfd, sizeof(pfd))) {
		sb_ptr(c->sb, addr);
		return true;
	}
	sb_putc(c->sb, '[');
	for (uint64_t e = 0; e < n; e++) {
		if (e)
			sb_puts(c->sb, ", ");
		if (e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		if (!mem_read(c, addr + e * sizeof(pfd), &pfd, sizeof(pfd)))
			break;
		sb_printf(c->sb, "{fd=%d", pfd.fd);
		if (pfd.fd >= 0) {
			sb_puts(c->sb, ", events=");
			print_flags(c->sb, poll_events, (uint16_t)pfd.events, NULL);
		}
		sb_putc(c->sb, '}');
	}
	sb_putc(c->sb, ']');
	return true;
}

/* " ([{fd=4, revents=POLLOUT}])" after poll's return value. */
void print_poll_result(struct dctx *c)
{
	uint64_t addr = c->args[0], n = (uint32_t)c->args[1];
	int64_t left = c->ret;
	struct pollfd pfd;
	const char *sep = "";
	unsigned int shown = 0;

	if (c->ret == 0) {
		sb_puts(c->sb, " (Timeout)");
		return;
	}
	/* The revents are in the structures -e verbose= leaves unread. */
	if (!c->verbose)
		return;
	sb_puts(c->sb, " ([");
	for (uint64_t e = 0; e < n && left > 0; e++) {
		if (!mem_read(c, addr + e * sizeof(pfd), &pfd, sizeof(pfd)))
			break;
		if (!pfd.revents)
			continue;
		if (shown++ >= c->strsize) {
			sb_printf(c->sb, "%s...", sep);
			break;
		}
		sb_printf(c->sb, "%s{fd=%d, revents=", sep, pfd.fd);
		print_flags(c->sb, poll_events, (uint16_t)pfd.revents, NULL);
		sb_putc(c->sb, '}');
		sep = ", ";
		left--;
	}
	sb_putc(c->sb, ']');
	/* ppoll reports the time it had left */
	if (c->ent && c->ent->args[2] == A_TIMESPEC_IN && c->args[2]) {
		sb_puts(c->sb, ", left ");
		pr_timespec_at(c, c->args[2]);
	}
	sb_putc(c->sb, ')');
}

#define FDSET_MAX 8192 /* bytes: far more descriptors than select can take */

/*
 * Prints the descriptors in a select() set ("[3 6]") after prefix; an
 * empty set is left out with skip_empty.  Returns how many were set, or
 * -1 (printing nothing) if the set cannot be read.
 */
static int print_fds(struct dctx *c, uint64_t addr, int nfds, bool skip_empty, const char *prefix)
{
	size_t len = nfds > 0 ? ((size_t)nfds + 7) / 8 : 0;
	size_t bits_n = nfds > 0 ? (size_t)nfds : 0;
	unsigned char *bits;
	const char *sep = "";
	int count = 0;

	if (len > FDSET_MAX) {
		len = FDSET_MAX;
		bits_n = len * 8;
	}
	bits = malloc(len ? len : 1);
	if (!bits || !mem_read(c, addr, bits, len)) {
		free(bits);
		return -1;
	}
	for (size_t fd = 0; fd < bits_n; fd++)
		count += !!(bits[fd / 8] & (1u << (fd % 8)));
	if (count || !skip_empty) {
		sb_printf(c->sb, "%s[", prefix);
		for (size_t fd = 0; fd < bits_n; fd++) {
			if (!(bits[fd / 8] & (1u << (fd % 8))))
				continue;
			sb_printf(c->sb, "%s%zu", sep, fd);
			sep = " ";
		}
		sb_putc(c->sb, ']');
	}
	free(bits);
	return count;
}

bool pr_fdset(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];

	if (!addr)
		sb_puts(c->sb, "NULL");
	else if (print_fds(c, addr, (int)c->args[0], false, "") < 0)
		sb_ptr(c->sb, addr);
	return true;
}

/* " (in [3], left {tv_sec=0, tv_usec=96})" after select's return value. */
void print_select_result(struct dctx *c, bool timespec)
{
	static const char *const names[3] = {"in ", "out ", "except "};
	const char *sep = "";

	if (c->ret == 0) {
		sb_puts(c->sb, " (Timeout)");
		return;
	}
	sb_puts(c->sb, " (");
	for (int s = 0; s < 3; s++) {
		size_t mark = c->sb->len;

		if (!c->args[s + 1])
			continue;
		sb_puts(c->sb, sep);
		if (print_fds(c, c->args[s + 1], (int)c->args[0], true, names[s]) > 0)
			sep = ", ";
		else
			sb_truncate(c->sb, mark);
	}
	if (c->args[4]) {
		sb_printf(c->sb, "%sleft ", sep);
		if (timespec)
			pr_timespec_at(c, c->args[4]);
		else
			pr_timeval_at(c, c->args[4]);
	}
	sb_putc(c->sb, ')');
}

bool pr_pselect_sigmask(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t data[2], mask;

	if (!fetch_arg(c, i, data, sizeof(data)))
		return true;
	sb_puts(c->sb, "{sigmask=");
	if (fetch_struct(c, data[0], false, &mask, sizeof(mask)))
		print_sigmask(c->sb, mask);
	sb_printf(c->sb, ", sigsetsize=%llu}", (unsigned long long)data[1]);
	return true;
}

/* ---- epoll ---- */

static void print_epoll_event(struct sbuf *sb, const struct epoll_event *ev)
{
	sb_puts(sb, "{events=");
	print_flags(sb, epoll_events, ev->events, NULL);
	sb_printf(sb, ", data={u32=%u, u64=%llu}}", (uint32_t)ev->data.u64,
		  (unsigned long long)ev->data.u64);
}

bool pr_epoll_event(struct dctx *c, int i, const struct argfmt *k)
{
	struct epoll_event ev;

	if (fetch_arg(c, i, &ev, sizeof(ev)))
		print_epoll_event(c->sb, &ev);
	return true;
}

bool pr_epoll_events(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];
	struct epoll_event ev;

	if (!addr || dctx_failed(c)) {
		sb_ptr(c->sb, addr);
		return true;
	}
	sb_putc(c->sb, '[');
	for (int64_t e = 0; e < c->ret; e++) {
		if (e)
			sb_puts(c->sb, ", ");
		if ((uint64_t)e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		if (!mem_read(c, addr + (uint64_t)e * sizeof(ev), &ev, sizeof(ev)))
			break;
		print_epoll_event(c->sb, &ev);
	}
	sb_putc(c->sb, ']');
	return true;
}
