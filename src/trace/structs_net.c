// SPDX-License-Identifier: MIT
/*
 * Socket structures below the argument kinds: structured socket
 * options (SO_LINGER, SO_PEERCRED) and a msghdr's control messages
 * (SCM_RIGHTS, SCM_CREDENTIALS), as strace prints them.  structs.c's
 * msghdr and sockopt printers use them.
 */
#include "config.h"

#include <stdint.h>
#include <sys/socket.h>

#include "decode_impl.h"

static const struct xlat scm_types[] = {XLAT(SCM_RIGHTS), XLAT(SCM_CREDENTIALS),
#ifdef SCM_SECURITY
					XLAT(SCM_SECURITY),
#endif
					XLAT_END};

bool print_sockopt_struct(struct dctx *c, int level, int name, uint64_t addr, uint32_t len)
{
	struct linger l;
	struct ucred u;

	if (level != SOL_SOCKET)
		return false;
	if (name == SO_LINGER && len == sizeof(l) && mem_read(c, addr, &l, sizeof(l))) {
		sb_printf(c->sb, "{l_onoff=%d, l_linger=%d}", l.l_onoff, l.l_linger);
		return true;
	}
	if (name == SO_PEERCRED && len == sizeof(u) && mem_read(c, addr, &u, sizeof(u))) {
		sb_printf(c->sb, "{pid=%d, uid=%u, gid=%u}", (int)u.pid, (unsigned int)u.uid,
			  (unsigned int)u.gid);
		return true;
	}
	return false;
}

/* cmsg_data of SCM_RIGHTS: "[3, 4]". */
static void print_fds(struct dctx *c, uint64_t addr, size_t len)
{
	sb_putc(c->sb, '[');
	for (size_t off = 0; off + sizeof(int) <= len; off += sizeof(int)) {
		int fd;

		if (!mem_read(c, addr + off, &fd, sizeof(fd)))
			break;
		if (off)
			sb_puts(c->sb, ", ");
		print_fd(c, fd);
	}
	sb_putc(c->sb, ']');
}

static void print_cmsg_data(struct dctx *c, const struct cmsghdr *h, uint64_t data, size_t len)
{
	struct ucred u;

	if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_RIGHTS) {
		print_fds(c, data, len);
		return;
	}
	if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_CREDENTIALS && len >= sizeof(u) &&
	    mem_read(c, data, &u, sizeof(u))) {
		sb_printf(c->sb, "{pid=%d, uid=%u, gid=%u}", (int)u.pid, (unsigned int)u.uid,
			  (unsigned int)u.gid);
		return;
	}
	print_buf(c, data, len, false);
}

/* "[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}]" */
void print_cmsgs(struct dctx *c, uint64_t addr, size_t len)
{
	size_t off = 0;
	bool first = true;

	sb_putc(c->sb, '[');
	while (off + sizeof(struct cmsghdr) <= len) {
		struct cmsghdr h;
		size_t data_len;

		if (!mem_read(c, addr + off, &h, sizeof(h))) {
			if (first) {
				sb_truncate(c->sb, c->sb->len - 1);
				sb_ptr(c->sb, addr);
				return;
			}
			break;
		}
		if (h.cmsg_len < sizeof(h) || h.cmsg_len > len - off)
			break;
		if (!first)
			sb_puts(c->sb, ", ");
		first = false;
		sb_printf(c->sb, "{cmsg_len=%zu, cmsg_level=", (size_t)h.cmsg_len);
		print_xlat(c->sb, sol_levels, (uint32_t)h.cmsg_level, "SOL_???");
		sb_puts(c->sb, ", cmsg_type=");
		if (h.cmsg_level == SOL_SOCKET)
			print_xlat(c->sb, scm_types, (uint32_t)h.cmsg_type, "SCM_???");
		else
			sb_printf(c->sb, "%#x", (unsigned int)h.cmsg_type);
		sb_puts(c->sb, ", cmsg_data=");
		data_len = h.cmsg_len - CMSG_LEN(0);
		print_cmsg_data(c, &h, addr + off + CMSG_LEN(0), data_len);
		sb_putc(c->sb, '}');
		off += CMSG_ALIGN(h.cmsg_len);
	}
	sb_putc(c->sb, ']');
}
