// SPDX-License-Identifier: MIT
/*
 * Decoders of the signal family that need more than an argument kind:
 * rt_sigreturn, which takes no argument but restores a signal mask
 * from the frame the handler returns through.
 */
#include "config.h"

#include <stdint.h>

#include "decode_impl.h"

/*
 * "{mask=[...]}", the mask the call restores.  rt_sigreturn has no
 * arguments: tracing passes the address of the frame's saved mask as
 * args[0] (arch_sigreturn_mask_addr()), read at entry while the frame
 * is still there.
 */
void custom_rt_sigreturn(struct dctx *c)
{
	uint64_t mask;

	if (c->exiting)
		return;
	/* Outside -e verbose=, strace shows where the mask is. */
	if (c->args[0] && !c->verbose) {
		sb_puts(c->sb, "{mask=");
		sb_ptr(c->sb, c->args[0]);
		sb_putc(c->sb, '}');
		return;
	}
	if (!c->args[0] || !mem_read(c, c->args[0], &mask, sizeof(mask))) {
		sb_puts(c->sb, "{mask=?}");
		return;
	}
	sb_puts(c->sb, "{mask=");
	print_sigmask(c->sb, mask);
	sb_putc(c->sb, '}');
}
