// SPDX-License-Identifier: MIT
/*
 * capget and capset: the header {version, pid} and the three 64-bit
 * capability sets, each printed as strace does: 1<<CAP_CHOWN|...
 */
#include "config.h"

#include <stdint.h>
#include <linux/capability.h>

#include "decode_impl.h"

static const struct xlat cap_versions[] = {XLAT(_LINUX_CAPABILITY_VERSION_1),
					   XLAT(_LINUX_CAPABILITY_VERSION_2),
					   XLAT(_LINUX_CAPABILITY_VERSION_3), XLAT_END};

static void print_header(struct dctx *c, uint64_t addr)
{
	struct __user_cap_header_struct h;

	if (!mem_read(c, addr, &h, sizeof(h))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{version=");
	print_xlat(c->sb, cap_versions, h.version, "_LINUX_CAPABILITY_VERSION_???");
	sb_printf(c->sb, ", pid=%d}", h.pid);
}

/* One 32-bit half of a set: bits from..from+31. */
static void print_capword(struct sbuf *sb, uint64_t set, unsigned int from)
{
	size_t mark = const_begin(sb);
	bool first = true;

	for (unsigned int bit = from; bit < from + 32; bit++) {
		const char *name;

		if (!(set & (1ull << bit)))
			continue;
		if (!first)
			sb_putc(sb, '|');
		first = false;
		name = xlat_name(capabilities, bit);
		if (name)
			sb_printf(sb, "1<<%s", name);
		else
			sb_printf(sb, "1<<%u", bit);
	}
	/* Under -X raw and verbose strace prints each half as its own number. */
	const_end_hex(sb, mark, (uint32_t)(set >> from));
}

/* "1<<CAP_CHOWN|1<<CAP_KILL", "0" when empty. */
static void print_capset(struct sbuf *sb, uint64_t set)
{
	if (!set) {
		sb_putc(sb, '0');
		return;
	}
	if ((uint32_t)set)
		print_capword(sb, set, 0);
	if ((uint32_t)set && set >> 32)
		sb_putc(sb, '|');
	if (set >> 32)
		print_capword(sb, set, 32);
}

/*
 * The data: two u32 halves per set (version 2 and 3; one for version 1,
 * whose header this reads back).
 */
static void print_data(struct dctx *c, uint64_t hdr, uint64_t addr)
{
	struct __user_cap_header_struct h;
	struct __user_cap_data_struct d[2] = {{0, 0, 0}, {0, 0, 0}};
	size_t n = 2;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	if (mem_read(c, hdr, &h, sizeof(h)) && h.version == _LINUX_CAPABILITY_VERSION_1)
		n = 1;
	if (!mem_read(c, addr, d, n * sizeof(d[0]))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{effective=");
	print_capset(c->sb, d[0].effective | (uint64_t)d[1].effective << 32);
	sb_puts(c->sb, ", permitted=");
	print_capset(c->sb, d[0].permitted | (uint64_t)d[1].permitted << 32);
	sb_puts(c->sb, ", inheritable=");
	print_capset(c->sb, d[0].inheritable | (uint64_t)d[1].inheritable << 32);
	sb_putc(c->sb, '}');
}

/* capget(hdr, data): data is the kernel's, printed at exit. */
void custom_capget(struct dctx *c)
{
	if (!c->exiting) {
		print_header(c, c->args[0]);
		sb_puts(c->sb, ", ");
		return;
	}
	if (dctx_failed(c) && c->args[1])
		sb_ptr(c->sb, c->args[1]);
	else
		print_data(c, c->args[0], c->args[1]);
}

void custom_capset(struct dctx *c)
{
	if (c->exiting)
		return;
	print_header(c, c->args[0]);
	sb_puts(c->sb, ", ");
	print_data(c, c->args[0], c->args[1]);
}
