// SPDX-License-Identifier: MIT
/*
 * Socket descriptions for -yy, from a duplicate of the guest's socket
 * (pidfd_getfd): its protocol (the "system.sockprotoname" attribute),
 * an internet socket's addresses (getsockname, getpeername), a UNIX
 * socket's type and path from /proc/TID/net/unix and its peer, which no
 * table shows, from one NETLINK_SOCK_DIAG query.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "trace/sockinfo.h"

/* "127.0.0.1:45639" or "[::1]:80"; false for the unspecified address and port 0. */
static bool format_addr(const struct sockaddr_storage *ss, char *out, size_t len)
{
	char text[INET6_ADDRSTRLEN];

	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)ss;

		if (!in->sin_addr.s_addr && !in->sin_port)
			return false;
		inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
		snprintf(out, len, "%s:%u", text, ntohs(in->sin_port));
		return true;
	}
	if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)ss;

		if (IN6_IS_ADDR_UNSPECIFIED(&in6->sin6_addr) && !in6->sin6_port)
			return false;
		inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text));
		snprintf(out, len, "[%s]:%u", text, ntohs(in6->sin6_port));
		return true;
	}
	return false;
}

/* An internet socket (a duplicate of the guest's): "TCP:[local->remote]". */
static ssize_t inet_describe(int fd, const char *proto, unsigned long ino, char *buf, size_t len)
{
	struct sockaddr_storage local, remote;
	socklen_t ll = sizeof(local), rl = sizeof(remote);
	char l[80], r[80];

	if (getsockname(fd, (struct sockaddr *)&local, &ll) < 0 ||
	    !format_addr(&local, l, sizeof(l)))
		return snprintf(buf, len, "%s:[%lu]", proto, ino);
	if (getpeername(fd, (struct sockaddr *)&remote, &rl) < 0 ||
	    !format_addr(&remote, r, sizeof(r)))
		return snprintf(buf, len, "%s:[%s]", proto, l);
	return snprintf(buf, len, "%s:[%s->%s]", proto, l, r);
}

/* The peer's inode of a connected UNIX socket, from sock_diag; 0 if none. */
static unsigned long unix_peer(unsigned long ino)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} q = {
	    .nlh = {.nlmsg_len = sizeof(q),
		    .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		    .nlmsg_flags = NLM_F_REQUEST},
	    .req = {.sdiag_family = AF_UNIX,
		    .udiag_states = ~0u,
		    .udiag_ino = (unsigned int)ino,
		    .udiag_show = UDIAG_SHOW_PEER,
		    .udiag_cookie = {~0u, ~0u}},
	};
	union {
		struct nlmsghdr nlh;
		char bytes[1024];
	} r;
	unsigned long peer = 0;
	ssize_t n;
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);

	if (fd < 0)
		return 0;
	if (send(fd, &q, sizeof(q), 0) != sizeof(q))
		goto out;
	n = recv(fd, &r, sizeof(r), 0);
	if (n < (ssize_t)(NLMSG_HDRLEN + sizeof(struct unix_diag_msg)) ||
	    !NLMSG_OK(&r.nlh, (size_t)n) || r.nlh.nlmsg_type != SOCK_DIAG_BY_FAMILY)
		goto out;
	{
		struct unix_diag_msg *m = NLMSG_DATA(&r.nlh);
		struct rtattr *a = (struct rtattr *)(m + 1);
		int rest = (int)(r.nlh.nlmsg_len - NLMSG_LENGTH(sizeof(*m)));

		for (; RTA_OK(a, rest); a = RTA_NEXT(a, rest)) {
			uint32_t v;

			if (a->rta_type != UNIX_DIAG_PEER || RTA_PAYLOAD(a) < sizeof(v))
				continue;
			memcpy(&v, RTA_DATA(a), sizeof(v));
			peer = v;
		}
	}
out:
	close(fd);
	return peer;
}

static ssize_t unix_describe(pid_t tid, unsigned long ino, char *buf, size_t len)
{
	char path[64], line[512];
	ssize_t rc = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/net/unix", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned int type;
		unsigned long inode, peer;
		int name = 0;
		const char *kind;

		if (sscanf(line, "%*s %*s %*s %*s %x %*s %lu %n", &type, &inode, &name) < 2 ||
		    inode != ino)
			continue;
		line[strcspn(line, "\n")] = '\0';
		kind = type == SOCK_STREAM	? "UNIX-STREAM"
		       : type == SOCK_SEQPACKET ? "UNIX-SEQPACKET"
						: "UNIX";
		peer = unix_peer(ino);
		if (name && line[name])
			rc = snprintf(buf, len, "%s:[%lu,\"%s\"]", kind, ino, line + name);
		else if (peer)
			rc = snprintf(buf, len, "%s:[%lu->%lu]", kind, ino, peer);
		else
			rc = snprintf(buf, len, "%s:[%lu]", kind, ino);
		break;
	}
	fclose(f);
	return rc;
}

ssize_t sock_describe(int fd, pid_t tid, unsigned long ino, char *buf, size_t len)
{
	char proto[32];
	ssize_t n = fgetxattr(fd, "system.sockprotoname", proto, sizeof(proto) - 1);

	if (n <= 0)
		return -1;
	proto[n] = '\0';
	if (!strncmp(proto, "UNIX", 4))
		n = unix_describe(tid, ino, buf, len);
	else if (!strcmp(proto, "TCP") || !strcmp(proto, "UDP") || !strcmp(proto, "TCPv6") ||
		 !strcmp(proto, "UDPv6"))
		n = inet_describe(fd, proto, ino, buf, len);
	else
		n = snprintf(buf, len, "%s:[%lu]", proto, ino);
	return n < 0 || (size_t)n >= len ? -1 : n;
}
