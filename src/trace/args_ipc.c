// SPDX-License-Identifier: MIT
/*
 * Argument kinds of System V IPC calls: the key, the get flags, the
 * command (with IPC_64).
 */
#include "config.h"

#include <stdint.h>

#include "decode_impl.h"

/* IPC_64 is or-ed into the command; glibc keeps it private. */
#define KERNEL_IPC_64 0x100u

bool pr_ipc_key(struct dctx *c, int i, const struct argfmt *k)
{
	if ((int)dctx_arg(c, i) == 0)
		sb_puts(c->sb, "IPC_PRIVATE");
	else
		sb_printf(c->sb, "%#x", (unsigned int)dctx_arg(c, i));
	return true;
}

/* IPC_CREAT|IPC_EXCL|0600: named bits, then the permission bits. */
bool pr_ipc_get_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t v = (uint32_t)dctx_arg(c, i);
	bool any = false;

	for (const struct xlat *x = ipc_get_flags; x->name; x++) {
		if (!(v & x->val))
			continue;
		sb_printf(c->sb, "%s%s", any ? "|" : "", x->name);
		any = true;
	}
	sb_printf(c->sb, any ? "|%#03o" : "%#03o", v & 0777);
	return true;
}

bool pr_ipc_cmd(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t cmd = (uint32_t)dctx_arg(c, i);
	size_t mark = const_begin(c->sb);

	print_xlat(c->sb, ipc_cmds, cmd & ~KERNEL_IPC_64, "IPC_???");
	if (cmd & KERNEL_IPC_64)
		sb_puts(c->sb, "|IPC_64");
	const_end_hex(c->sb, mark, cmd);
	return true;
}
