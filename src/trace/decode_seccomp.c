// SPDX-License-Identifier: MIT
/* seccomp(op, flags, args): what args points to depends on op. */
#include "config.h"

#include <stdint.h>
#include <linux/seccomp.h>

#include "decode_impl.h"

static const struct xlat seccomp_actions[] = {
    XLAT(SECCOMP_RET_KILL_PROCESS), XLAT(SECCOMP_RET_KILL_THREAD), XLAT(SECCOMP_RET_TRAP),
    XLAT(SECCOMP_RET_ERRNO),	    XLAT(SECCOMP_RET_USER_NOTIF),  XLAT(SECCOMP_RET_TRACE),
    XLAT(SECCOMP_RET_LOG),	    XLAT(SECCOMP_RET_ALLOW),	   XLAT_END};

/* GET_NOTIF_SIZES fills its struct: printed at exit; the others at entry. */
void custom_seccomp(struct dctx *c)
{
	uint32_t op = (uint32_t)c->args[0], act;
	struct seccomp_notif_sizes sz;

	if (c->exiting) {
		if (op != SECCOMP_GET_NOTIF_SIZES)
			return;
		if (dctx_failed(c) || !mem_read(c, c->args[2], &sz, sizeof(sz)))
			sb_ptr(c->sb, c->args[2]);
		else
			sb_printf(c->sb,
				  "{seccomp_notif=%u, seccomp_notif_resp=%u, seccomp_data=%u}",
				  sz.seccomp_notif, sz.seccomp_notif_resp, sz.seccomp_data);
		return;
	}
	print_xlat(c->sb, seccomp_ops, op, "SECCOMP_???");
	sb_puts(c->sb, ", ");
	if (op == SECCOMP_SET_MODE_FILTER)
		print_flags(c->sb, seccomp_filter_flags, (uint32_t)c->args[1],
			    "SECCOMP_FILTER_FLAG_???");
	else
		sb_printf(c->sb, "%u", (uint32_t)c->args[1]);
	sb_puts(c->sb, ", ");
	switch (op) {
	case SECCOMP_SET_MODE_FILTER:
		print_as(c, 2, A_FPROG);
		break;
	case SECCOMP_GET_ACTION_AVAIL:
		if (!mem_read(c, c->args[2], &act, sizeof(act))) {
			sb_ptr(c->sb, c->args[2]);
			break;
		}
		sb_putc(c->sb, '[');
		print_xlat(c->sb, seccomp_actions, act, "SECCOMP_RET_???");
		sb_putc(c->sb, ']');
		break;
	case SECCOMP_GET_NOTIF_SIZES:
		break;
	default:
		sb_ptr(c->sb, c->args[2]);
	}
}
