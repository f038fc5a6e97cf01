// SPDX-License-Identifier: MIT
/*
 * File-family decoders beyond an argument kind: openat2's struct
 * open_how.
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <linux/openat2.h>

#include "decode_impl.h"

static const struct xlat resolve_flags[] = {XLAT(RESOLVE_NO_XDEV),
					    XLAT(RESOLVE_NO_MAGICLINKS),
					    XLAT(RESOLVE_NO_SYMLINKS),
					    XLAT(RESOLVE_BENEATH),
					    XLAT(RESOLVE_IN_ROOT),
#ifdef RESOLVE_CACHED
					    XLAT(RESOLVE_CACHED),
#endif
					    XLAT_END};

/* {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}, mode only if used. */
static void print_open_how(struct dctx *c, uint64_t addr, uint64_t size)
{
	struct open_how how;

	if (size < sizeof(how) || !mem_read(c, addr, &how, sizeof(how))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{flags=");
	print_open_flags(c->sb, how.flags);
	if ((how.flags & (O_CREAT | O_TMPFILE)) || how.mode)
		sb_printf(c->sb, ", mode=%#03llo", (unsigned long long)how.mode);
	sb_puts(c->sb, ", resolve=");
	print_flags(c->sb, resolve_flags, how.resolve, "RESOLVE_???");
	sb_putc(c->sb, '}');
}

/* openat2(dirfd, path, how, size): all read by the kernel, printed at entry. */
void custom_openat2(struct dctx *c)
{
	if (c->exiting)
		return;
	print_as(c, 0, A_DIRFD);
	sb_puts(c->sb, ", ");
	print_as(c, 1, A_PATH);
	sb_puts(c->sb, ", ");
	print_open_how(c, c->args[2], c->args[3]);
	sb_printf(c->sb, ", %llu", (unsigned long long)c->args[3]);
}
