// SPDX-License-Identifier: MIT
/*
 * Argument kinds of memory calls: mmap's and memfd_create's flags (with
 * their huge page size), mremap's new address.
 */
#include "config.h"

#include <stdint.h>

#include "decode_impl.h"

#define HUGE_SHIFT 26
#define HUGE_MASK  (0x3fu << HUGE_SHIFT)

bool pr_mmap_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t flags = (uint32_t)dctx_arg(c, i);
	size_t mark = const_begin(c->sb);

	print_xlat(c->sb, mmap_types, flags & 0xf, "MAP_???");
	print_flags_more(c->sb, mmap_flags, flags & ~HUGE_MASK & ~0xfu);
	if (flags & HUGE_MASK)
		sb_printf(c->sb, "|%u<<MAP_HUGE_SHIFT", flags >> HUGE_SHIFT);
	const_end_hex(c->sb, mark, flags);
	return true;
}

bool pr_mfd_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t flags = (uint32_t)dctx_arg(c, i);
	size_t mark = const_begin(c->sb);

	if (flags & ~HUGE_MASK || !flags)
		print_flags(c->sb, mfd_flags, flags & ~HUGE_MASK, NULL);
	if (flags & HUGE_MASK)
		sb_printf(c->sb, "%s%u<<MFD_HUGE_SHIFT", flags & ~HUGE_MASK ? "|" : "",
			  flags >> HUGE_SHIFT);
	const_end_hex(c->sb, mark, flags);
	return true;
}

/* mremap's new address is only read with MREMAP_FIXED or _DONTUNMAP. */
bool pr_mremap_addr(struct dctx *c, int i, const struct argfmt *k)
{
	if (!(dctx_arg(c, i - 1) & 6))
		return false;
	sb_ptr(c->sb, dctx_arg(c, i));
	return true;
}
