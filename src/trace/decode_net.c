// SPDX-License-Identifier: MIT
/*
 * Socket decoders beyond an argument kind: sendmmsg and recvmmsg's
 * arrays of struct mmsghdr, as strace prints them (the msghdr and its
 * control messages: structs_net.c).
 */
#include "config.h"

#include <stdint.h>
#include <sys/socket.h>

#include "decode_impl.h"

/* [{msg_hdr={...}, msg_len=N}, ...]: the n entries the call handled. */
static void print_mmsgs(struct dctx *c, uint64_t addr, uint64_t n, bool in)
{
	struct mmsghdr m;

	if (dctx_failed(c) || !addr || !c->verbose) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_putc(c->sb, '[');
	for (uint64_t k = 0; k < n; k++) {
		uint64_t at = addr + k * sizeof(m);

		if (k)
			sb_puts(c->sb, ", ");
		if (k >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		if (!mem_read(c, at, &m, sizeof(m))) {
			sb_ptr(c->sb, at);
			break;
		}
		sb_puts(c->sb, "{msg_hdr=");
		print_msghdr_at(c, at, false, in ? -1 : (int64_t)m.msg_len);
		sb_printf(c->sb, ", msg_len=%u}", m.msg_len);
	}
	sb_putc(c->sb, ']');
}

/* sendmmsg(fd, msgvec, vlen, flags): msg_len is the kernel's, so all at exit. */
void custom_sendmmsg(struct dctx *c)
{
	if (!c->exiting) {
		print_as(c, 0, A_FD);
		sb_puts(c->sb, ", ");
		return;
	}
	print_mmsgs(c, c->args[1], (uint64_t)c->ret, true);
	sb_printf(c->sb, ", %u, ", (unsigned int)c->args[2]);
	print_as(c, 3, A_MSG_FLAGS);
}

/* recvmmsg(fd, msgvec, vlen, flags, timeout) */
void custom_recvmmsg(struct dctx *c)
{
	if (!c->exiting) {
		print_as(c, 0, A_FD);
		sb_puts(c->sb, ", ");
		return;
	}
	print_mmsgs(c, c->args[1], (uint64_t)c->ret, false);
	sb_printf(c->sb, ", %u, ", (unsigned int)c->args[2]);
	print_as(c, 3, A_MSG_FLAGS);
	sb_puts(c->sb, ", ");
	if (c->args[4])
		pr_timespec_at(c, c->args[4]);
	else
		sb_puts(c->sb, "NULL");
}
