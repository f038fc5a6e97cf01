// SPDX-License-Identifier: MIT
/*
 * Argument kinds of futex: the operation (command and flags) and the
 * argument whose meaning the command gives (val, timeout, val2,
 * FUTEX_WAKE_OP's encoded operation).
 */
#include "config.h"

#include <stdint.h>

#include "decode_impl.h"

/* ---- futex ---- */

#define FUTEX_CMD(op) ((op)&0x7f)

bool pr_futex_op(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t op = (uint32_t)dctx_arg(c, i);
	const char *name = xlat_name(futex_cmds, FUTEX_CMD(op));
	uint32_t rest = op & ~0x7fu & ~0x80u & ~0x100u;
	size_t mark = const_begin(c->sb);

	if (!name) {
		sb_printf(c->sb, "%#x /* FUTEX_??? */", op);
	} else {
		sb_printf(c->sb, "%s%s", name, op & 0x80 ? "_PRIVATE" : "");
		if (op & 0x100)
			sb_puts(c->sb, "|FUTEX_CLOCK_REALTIME");
		if (rest)
			sb_printf(c->sb, "|%#x", rest);
	}
	const_end_hex(c->sb, mark, op);
	return true;
}

enum futex_arg { F_NONE, F_VAL, F_TIMEOUT, F_VAL2, F_UADDR2, F_VAL3, F_BITSET, F_WAKEOP };

/*
 * What each futex command reads from arguments 2..5 (val, timeout or
 * val2, uaddr2, val3); F_NONE arguments are unused and left out.
 */
static const uint8_t futex_layout[14][4] = {
    [0] = {F_VAL, F_TIMEOUT},			/* WAIT */
    [1] = {F_VAL},				/* WAKE */
    [2] = {F_VAL},				/* FD */
    [3] = {F_VAL, F_VAL2, F_UADDR2},		/* REQUEUE */
    [4] = {F_VAL, F_VAL2, F_UADDR2, F_VAL3},	/* CMP_REQUEUE */
    [5] = {F_VAL, F_VAL2, F_UADDR2, F_WAKEOP},	/* WAKE_OP */
    [6] = {F_NONE, F_TIMEOUT},			/* LOCK_PI */
    [7] = {F_NONE},				/* UNLOCK_PI */
    [8] = {F_NONE},				/* TRYLOCK_PI */
    [9] = {F_VAL, F_TIMEOUT, F_NONE, F_BITSET}, /* WAIT_BITSET */
    [10] = {F_VAL, F_NONE, F_NONE, F_BITSET},	/* WAKE_BITSET */
    [11] = {F_VAL, F_TIMEOUT, F_UADDR2},	/* WAIT_REQUEUE_PI */
    [12] = {F_VAL, F_VAL2, F_UADDR2, F_VAL3},	/* CMP_REQUEUE_PI */
    [13] = {F_NONE, F_TIMEOUT},			/* LOCK_PI2 */
};

/* An unknown command: everything, in the kernel's types. */
static const uint8_t futex_unknown[4] = {F_VAL, F_TIMEOUT, F_UADDR2, F_VAL};

static void print_wake_op(struct sbuf *sb, uint32_t v)
{
	if (v & (8u << 28))
		sb_puts(sb, "FUTEX_OP_OPARG_SHIFT|");
	print_xlat(sb, futex_wake_ops, (v >> 28) & 7, "FUTEX_OP_???");
	sb_printf(sb, "<<28|%#x<<12|", (v >> 12) & 0xfff);
	print_xlat(sb, futex_wake_cmps, (v >> 24) & 0xf, "FUTEX_OP_CMP_???");
	sb_printf(sb, "<<24|%#x", v & 0xfff);
}

bool pr_futex_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t cmd = FUTEX_CMD((uint32_t)dctx_arg(c, 1));
	uint64_t v = dctx_arg(c, i);
	uint8_t what;

	if (i < 2 || i > 5)
		return false;
	what = xlat_name(futex_cmds, cmd) ? futex_layout[cmd][i - 2] : futex_unknown[i - 2];
	switch (what) {
	case F_NONE:
		return false;
	case F_VAL:
	case F_VAL2:
	case F_VAL3:
		sb_printf(c->sb, "%d", (int)v);
		break;
	case F_TIMEOUT:
		pr_timespec_at(c, v);
		break;
	case F_BITSET:
		if ((uint32_t)v == 0xffffffffu)
			sb_puts(c->sb, "FUTEX_BITSET_MATCH_ANY");
		else
			sb_printf(c->sb, "%#x", (uint32_t)v);
		break;
	case F_WAKEOP:
		print_wake_op(c->sb, (uint32_t)v);
		break;
	default:
		sb_ptr(c->sb, v);
	}
	return true;
}
