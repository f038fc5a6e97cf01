// SPDX-License-Identifier: MIT
/*
 * Argument kinds of socket calls: the type (with SOCK_ flags), the
 * protocol by family, setsockopt/getsockopt's level and option name.
 */
#include "config.h"

#include <stdint.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "decode_impl.h"

bool pr_sock_type(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t v = (uint32_t)dctx_arg(c, i);
	const char *type = xlat_name(sock_types, v & 0xf);
	size_t mark;

	if (!type) {
		print_flags(c->sb, sock_flags, v, NULL);
		return true;
	}
	/* Under -X raw and verbose strace prints the type and the flags as two numbers. */
	mark = const_begin(c->sb);
	sb_puts(c->sb, type);
	const_end_hex(c->sb, mark, v & 0xf);
	print_flags_more(c->sb, sock_flags, v & ~0xfu);
	return true;
}

bool pr_sock_proto(struct dctx *c, int i, const struct argfmt *k)
{
	int family = (int)dctx_arg(c, 0);
	uint32_t proto = (uint32_t)dctx_arg(c, i);

	if (family == AF_INET || family == AF_INET6)
		print_xlat(c->sb, ipproto, proto, "IPPROTO_???");
	else if (family == AF_NETLINK)
		print_xlat(c->sb, netlink_protocols, proto, "NETLINK_???");
	else
		sb_printf(c->sb, "%d", (int)proto);
	return true;
}

bool pr_sockopt_level(struct dctx *c, int i, const struct argfmt *k)
{
	const char *name = xlat_name(sol_levels, (uint32_t)dctx_arg(c, i));
	size_t mark = const_begin(c->sb);

	if (name)
		sb_puts(c->sb, name);
	else
		sb_printf(c->sb, "%d", (int)dctx_arg(c, i));
	const_end_hex(c->sb, mark, (uint32_t)dctx_arg(c, i));
	return true;
}

bool pr_sockopt_name(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t name = (uint32_t)dctx_arg(c, i);

	switch ((int)dctx_arg(c, i - 1)) {
	case SOL_SOCKET:
		print_xlat(c->sb, so_options, name, "SO_???");
		break;
	case SOL_TCP:
		print_xlat(c->sb, tcp_options, name, "TCP_???");
		break;
	case SOL_IP:
		print_xlat(c->sb, ip_options, name, "IP_???");
		break;
	case SOL_IPV6:
		print_xlat(c->sb, ipv6_options, name, "IPV6_???");
		break;
	default:
		sb_printf(c->sb, "%d", (int)name);
	}
	return true;
}
