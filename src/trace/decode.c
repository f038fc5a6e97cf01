// SPDX-License-Identifier: MIT
/*
 * One syscall line in two halves, as strace prints it.  The entry half
 * is "name(" and every argument up to the first one the kernel fills;
 * the exit half is the rest of the arguments, ")", and " = ret".  Which
 * arguments are outputs is the per-syscall table's business (args.c,
 * syscalls.c), so both halves are computed from the same arguments and
 * always fit together.
 */
#include "config.h"

#include <stdint.h>

#include "arch/arch.h"
#include "decode.h"
#include "decode_ext.h"
#include "decode_impl.h"

#define DEFAULT_STRSIZE 32
#define UNKNOWN_NARGS	6    /* strace shows all six for a syscall it does not know */
#define SYSENT_CACHE	1024 /* syscall numbers whose table entry is remembered */

/*
 * The table entry of syscall nr.  Looked up by name once per number,
 * not twice per traced call: the name search is a bsearch of strcmps.
 */
static const struct sysent *sysent_of(long nr)
{
	static const struct sysent *cache[SYSENT_CACHE];
	static bool known[SYSENT_CACHE];

	if (nr < 0 || nr >= SYSENT_CACHE)
		return sysent_find(arch_syscall_name(nr));
	if (!known[nr]) {
		cache[nr] = sysent_find(arch_syscall_name(nr));
		known[nr] = true;
	}
	return cache[nr];
}

static void dctx_init(struct dctx *c, struct sbuf *sb, long nr, const uint64_t args[6],
		      const struct trace_mem *mem, const struct decode_opts *o)
{
	c->sb = sb;
	c->args = args;
	c->ret = 0;
	c->exiting = false;
	c->mem = mem;
	c->strsize = o ? o->strsize : DEFAULT_STRSIZE;
	c->ent = sysent_of(nr);
	c->saved = NULL;
	c->decode_fds = o ? o->decode_fds : 0;
	c->raw = o && o->raw && sysset_has(o->raw, nr);
	c->abbrev = !o || !o->abbrev || sysset_has(o->abbrev, nr);
	c->verbose = !o || !o->verbose || sysset_has(o->verbose, nr);
	c->out = 0;
	for (int i = 0; i < 6; i++)
		if (argkind_is_out(c, i))
			c->out |= 1u << i;
}

void dctx_init_for(struct dctx *c, struct sbuf *sb, long nr, const uint64_t args[6],
		   const struct trace_mem *mem)
{
	dctx_init(c, sb, nr, args, mem, NULL);
}

int decode_syscall_nargs(long nr)
{
	const struct sysent *e = sysent_of(nr);

	return e ? e->nargs : 6;
}

static int nargs(const struct dctx *c)
{
	return c->ent ? c->ent->nargs : UNKNOWN_NARGS;
}

/* Entry prints the arguments before this one; exit prints the rest. */
static int first_out(const struct dctx *c)
{
	int n = nargs(c);

	for (int i = 0; i < n; i++)
		if (argkind_is_out(c, i))
			return i;
	return n;
}

/* Arguments [from, to) separated by ", "; omitted ones leave no trace. */
static bool print_args(struct dctx *c, int from, int to)
{
	bool sep = false;

	for (int i = from; i < to; i++) {
		size_t mark = c->sb->len;

		if (sep)
			sb_puts(c->sb, ", ");
		if (print_arg(c, i))
			sep = true;
		else
			sb_truncate(c->sb, mark);
	}
	return sep;
}

void decode_set_hex_strings(int level)
{
	sb_quote_hex(level);
}

void decode_set_const_style(int style)
{
	const_set_style(style);
}

size_t decode_syscall_enter(long nr, const uint64_t args[6], const struct trace_mem *mem,
			    const struct decode_opts *o, char *buf, size_t len)
{
	return decode_syscall_enter_saving(nr, args, mem, o, NULL, buf, len);
}

size_t decode_syscall_enter_saving(long nr, const uint64_t args[6], const struct trace_mem *mem,
				   const struct decode_opts *o, struct decode_saved *saved,
				   char *buf, size_t len)
{
	const char *name = arch_syscall_name(nr);
	struct sbuf sb;
	struct dctx c;
	int out;

	sb_init(&sb, buf, len);
	dctx_init(&c, &sb, nr, args, mem, o);
	c.saved = saved;
	save_value_results(&c);
	if (name) {
		sb_puts(&sb, name);
		sb_putc(&sb, '(');
	} else
		sb_printf(&sb, "syscall_%#lx(", (unsigned long)nr);
	/* -e raw=: every argument in hex at entry, as strace's. */
	if (c.raw) {
		for (int i = 0; i < nargs(&c); i++) {
			if (i)
				sb_puts(&sb, ", ");
			sb_hex(&sb, args[i]);
		}
		return sb.len;
	}
	if (c.ent && c.ent->custom) {
		c.ent->custom(&c);
		return sb.len;
	}
	out = first_out(&c);
	/* "read(3, ": the separator before the output argument goes first */
	if (print_args(&c, 0, out) && out < nargs(&c))
		sb_puts(&sb, ", ");
	return sb.len;
}

/* ---- return values ---- */

static void print_error(struct dctx *c)
{
	int err = (int)-c->ret;
	const char *name = errno_name(err);

	/* A restart code never reaches the guest: the call is not over. */
	sb_printf(c->sb, "%s %s (%s)", errno_is_restart(err) ? "?" : "-1", name ? name : "E???",
		  errno_text(err));
}

static void print_fcntl_result(struct dctx *c)
{
	uint64_t r = (uint64_t)c->ret;

	switch ((uint32_t)c->args[1]) {
	case 1: /* F_GETFD */
		if (!r)
			break;
		sb_printf(c->sb, "%#llx (flags ", (unsigned long long)r);
		print_flags(c->sb, fd_flags, r, NULL);
		sb_putc(c->sb, ')');
		return;
	case 3: /* F_GETFL */
		sb_printf(c->sb, "%#llx (flags ", (unsigned long long)r);
		/* strace names F_GETFL's flags even under -X (F_GETFD's it does not). */
		const_begin(c->sb);
		print_open_flags(c->sb, r);
		const_end_keep();
		sb_putc(c->sb, ')');
		return;
	case 11: /* F_GETSIG */
		if (!r)
			break;
		sb_printf(c->sb, "%lld (", (long long)r);
		print_signal(c->sb, (int)r);
		sb_putc(c->sb, ')');
		return;
	case 1025: /* F_GETLEASE */
		sb_printf(c->sb, "%#llx (", (unsigned long long)r);
		print_xlat(c->sb, lock_types, r, "F_???");
		sb_putc(c->sb, ')');
		return;
	case 1034: /* F_GET_SEALS */
		if (!r)
			break;
		sb_printf(c->sb, "%#llx (seals ", (unsigned long long)r);
		print_flags(c->sb, seal_flags, r, NULL);
		sb_putc(c->sb, ')');
		return;
	}
	sb_printf(c->sb, "%lld", (long long)c->ret);
}

/* " (NAME)" after the number, when the number has a name. */
static void print_named(struct dctx *c, const char *name)
{
	sb_printf(c->sb, "%lld", (long long)c->ret);
	if (name)
		sb_printf(c->sb, " (%s)", name);
}

static void print_retval(struct dctx *c)
{
	enum retkind kind = c->ent ? (enum retkind)c->ent->ret : R_DEC;

	if (dctx_failed(c)) {
		print_error(c);
		return;
	}
	if (c->raw) {
		sb_hex(c->sb, (unsigned long long)c->ret);
		return;
	}
	switch (kind) {
	case R_HEX:
		sb_hex(c->sb, (unsigned long long)c->ret);
		break;
	case R_OCT:
		sb_printf(c->sb, "%#03llo", (unsigned long long)c->ret);
		break;
	case R_FCNTL:
		print_fcntl_result(c);
		break;
	case R_SCHED:
		print_named(c, xlat_name(sched_policies, (uint64_t)c->ret));
		break;
	case R_SIGNAL:
		print_named(c, signal_name((int)c->ret));
		break;
	case R_PRCTL:
		print_prctl_result(c);
		break;
	case R_PERSONALITY:
		print_personality_result(c);
		break;
	case R_MEMBARRIER:
		print_membarrier_result(c);
		break;
	case R_CLOCK_STATE:
		print_clock_state_result(c);
		break;
	default:
		if (c->decode_fds && returns_fd(c->ent ? c->ent->name : NULL))
			print_fd(c, (int)c->ret);
		else
			sb_dec(c->sb, c->ret);
	}
	if (kind == R_POLL)
		print_poll_result(c);
	else if (kind == R_SELECT || kind == R_PSELECT)
		print_select_result(c, kind == R_PSELECT);
	else if (kind == R_TIME) {
		sb_puts(c->sb, " (");
		sb_date(c->sb, c->ret, 0);
		sb_putc(c->sb, ')');
	}
}

size_t decode_syscall_exit_at(long nr, const uint64_t args[6], int64_t ret,
			      const struct trace_mem *mem, const struct decode_opts *o,
			      size_t column, char *buf, size_t len)
{
	return decode_syscall_exit_saved(nr, args, ret, mem, o, NULL, column, buf, len);
}

size_t decode_syscall_exit_saved(long nr, const uint64_t args[6], int64_t ret,
				 const struct trace_mem *mem, const struct decode_opts *o,
				 const struct decode_saved *saved, size_t column, char *buf,
				 size_t len)
{
	size_t align = o && o->align ? o->align : DECODE_RESULT_COLUMN;
	struct sbuf sb;
	struct dctx c;
	size_t col;

	sb_init(&sb, buf, len);
	dctx_init(&c, &sb, nr, args, mem, o);
	/* Exit only reads it; dctx is shared with entry, which writes it. */
	c.saved = (struct decode_saved *)saved;
	c.ret = ret;
	c.exiting = true;
	if (c.raw)
		;
	else if (c.ent && c.ent->custom)
		c.ent->custom(&c);
	else
		print_args(&c, first_out(&c), nargs(&c));
	sb_putc(&sb, ')');
	col = column == DECODE_NO_COLUMN ? align : column + sb.len;
	sb_pad(&sb, col < align ? align - col : 1);
	sb_puts(&sb, "= ");
	print_retval(&c);
	return sb.len;
}

size_t decode_syscall_exit(long nr, const uint64_t args[6], int64_t ret,
			   const struct trace_mem *mem, const struct decode_opts *o, char *buf,
			   size_t len)
{
	return decode_syscall_exit_at(nr, args, ret, mem, o, DECODE_NO_COLUMN, buf, len);
}
