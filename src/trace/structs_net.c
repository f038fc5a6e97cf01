// SPDX-License-Identifier: MIT
/*
 * Socket structures, as strace prints them: addresses (sockaddr_in,
 * _in6, _un, _nl), socket options, including structured ones
 * (SO_LINGER, SO_PEERCRED), and msghdrs with their control messages
 * (SCM_RIGHTS, SCM_CREDENTIALS).
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>

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

/* ---- sockets ---- */

static void print_family(struct sbuf *sb, unsigned int family)
{
	const char *name = xlat_name(sock_families, family);
	size_t mark = const_begin(sb);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%u", family);
	const_end_hex(sb, mark, family);
}

static void print_sun(struct sbuf *sb, const struct sockaddr_un *sun, size_t len)
{
	size_t max = len - offsetof(struct sockaddr_un, sun_path);

	if (!max)
		return;
	sb_puts(sb, ", sun_path=");
	if (sun->sun_path[0] == '\0' && max > 1) {
		/* abstract socket: the length, not a NUL, ends the name */
		sb_putc(sb, '@');
		sb_quote(sb, sun->sun_path + 1, max - 1, false);
	} else {
		sb_quote(sb, sun->sun_path, strnlen(sun->sun_path, max), false);
	}
}

static void print_sockaddr_body(struct sbuf *sb, const struct sockaddr_storage *ss, size_t len)
{
	const struct sockaddr_in *sin = (const void *)ss;
	const struct sockaddr_in6 *sin6 = (const void *)ss;
	const struct sockaddr_nl *snl = (const void *)ss;
	char addr[INET6_ADDRSTRLEN];

	switch (ss->ss_family) {
	case AF_UNIX:
		print_sun(sb, (const void *)ss, len);
		break;
	case AF_INET:
		inet_ntop(AF_INET, &sin->sin_addr, addr, sizeof(addr));
		sb_printf(sb, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")",
			  ntohs(sin->sin_port), addr);
		break;
	case AF_INET6:
		inet_ntop(AF_INET6, &sin6->sin6_addr, addr, sizeof(addr));
		sb_printf(sb,
			  ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
			  "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u",
			  ntohs(sin6->sin6_port), ntohl(sin6->sin6_flowinfo), addr,
			  sin6->sin6_scope_id);
		break;
	case AF_NETLINK:
		sb_printf(sb, ", nl_pid=%u, nl_groups=%08x", snl->nl_pid, snl->nl_groups);
		break;
	default:
		sb_puts(sb, ", sa_data=");
		sb_quote(sb, (const char *)ss + sizeof(ss->ss_family), len - sizeof(ss->ss_family),
			 false);
	}
}

static void print_sockaddr(struct dctx *c, uint64_t addr, uint64_t len)
{
	struct sockaddr_storage ss;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	if (len > sizeof(ss))
		len = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	if (len < sizeof(ss.ss_family) || !mem_read(c, addr, &ss, (size_t)len)) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{sa_family=");
	print_family(c->sb, ss.ss_family);
	print_sockaddr_body(c->sb, &ss, (size_t)len);
	sb_putc(c->sb, '}');
}

/* In: the length is the next argument.  Out: it is behind a pointer. */
bool pr_sockaddr(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t len;

	if (!dctx_arg_out(c, i)) {
		print_sockaddr(c, c->args[i], (uint32_t)c->args[i + 1]);
		return true;
	}
	if (dctx_failed(c) || !c->args[i + 1] || !mem_read(c, c->args[i + 1], &len, sizeof(len)))
		sb_ptr(c->sb, c->args[i]);
	else
		print_sockaddr(c, c->args[i], len);
	return true;
}

/* setsockopt/getsockopt values: ints as [1], anything else as bytes. */
bool pr_sockopt(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];
	uint32_t len = (uint32_t)c->args[i + 1];
	int val;

	/* A value, whatever its shape, is a structure to -e verbose=. */
	if (!c->verbose ||
	    (dctx_arg_out(c, i) && (dctx_failed(c) || !c->args[i + 1] ||
				    !mem_read(c, c->args[i + 1], &len, sizeof(len))))) {
		sb_ptr(c->sb, addr);
		return true;
	}
	if (addr && print_sockopt_struct(c, (int)c->args[1], (int)c->args[2], addr, len))
		return true;
	if (len == sizeof(val) && addr && mem_read(c, addr, &val, sizeof(val)))
		sb_printf(c->sb, "[%d]", val);
	else
		print_buf(c, addr, len, false);
	return true;
}

void print_msghdr_at(struct dctx *c, uint64_t addr, bool out, int64_t limit)
{
	struct msghdr m;

	if (!fetch_struct(c, addr, out, &m, sizeof(m)))
		return;
	sb_puts(c->sb, "{msg_name=");
	print_sockaddr(c, (uint64_t)(uintptr_t)m.msg_name, m.msg_namelen);
	sb_printf(c->sb, ", msg_namelen=%u, msg_iov=", (unsigned int)m.msg_namelen);
	print_iov_array(c, (uint64_t)(uintptr_t)m.msg_iov, m.msg_iovlen, limit);
	sb_printf(c->sb, ", msg_iovlen=%zu", (size_t)m.msg_iovlen);
	if (m.msg_controllen) {
		sb_puts(c->sb, ", msg_control=");
		print_cmsgs(c, (uint64_t)(uintptr_t)m.msg_control, m.msg_controllen);
	}
	sb_printf(c->sb, ", msg_controllen=%zu, msg_flags=", (size_t)m.msg_controllen);
	print_flags(c->sb, msg_flags, (uint32_t)m.msg_flags, NULL);
	sb_putc(c->sb, '}');
}

bool pr_msghdr(struct dctx *c, int i, const struct argfmt *k)
{
	bool out = dctx_arg_out(c, i);

	print_msghdr_at(c, c->args[i], out, out ? c->ret : -1);
	return true;
}
