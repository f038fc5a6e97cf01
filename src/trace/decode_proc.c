// SPDX-License-Identifier: MIT
/*
 * Decoders of process-attribute calls whose result has a name, as
 * strace prints them: prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER),
 * personality(0xffffffff) = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE),
 * membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1ff (MEMBARRIER_CMD_...),
 * and kcmp's resource type.
 */
#include "config.h"

#include <stdint.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <linux/kcmp.h>
#include <linux/membarrier.h>

#include "decode_impl.h"

/* The execution domain: personality's low byte (PER_MASK). */
static const struct xlat personality_types[] = {
    {PER_LINUX & PER_MASK, "PER_LINUX"},       {PER_SVR4 & PER_MASK, "PER_SVR4"},
    {PER_SVR3 & PER_MASK, "PER_SVR3"},	       {PER_SCOSVR3 & PER_MASK, "PER_SCOSVR3"},
    {PER_WYSEV386 & PER_MASK, "PER_WYSEV386"}, {PER_ISCR4 & PER_MASK, "PER_ISCR4"},
    {PER_BSD & PER_MASK, "PER_BSD"},	       {PER_XENIX & PER_MASK, "PER_XENIX"},
    {PER_LINUX32 & PER_MASK, "PER_LINUX32"},   {PER_IRIX32 & PER_MASK, "PER_IRIX32"},
    {PER_IRIXN32 & PER_MASK, "PER_IRIXN32"},   {PER_IRIX64 & PER_MASK, "PER_IRIX64"},
    {PER_RISCOS & PER_MASK, "PER_RISCOS"},     {PER_SOLARIS & PER_MASK, "PER_SOLARIS"},
    {PER_UW7 & PER_MASK, "PER_UW7"},	       {PER_OSF4 & PER_MASK, "PER_OSF4"},
    {PER_HPUX & PER_MASK, "PER_HPUX"},	       XLAT_END};

static const struct xlat personality_flags[] = {
    XLAT(UNAME26),	    XLAT(ADDR_NO_RANDOMIZE),  XLAT(FDPIC_FUNCPTRS),
    XLAT(MMAP_PAGE_ZERO),   XLAT(ADDR_COMPAT_LAYOUT), XLAT(READ_IMPLIES_EXEC),
    XLAT(ADDR_LIMIT_32BIT), XLAT(SHORT_INODE),	      XLAT(WHOLE_SECONDS),
    XLAT(STICKY_TIMEOUTS),  XLAT(ADDR_LIMIT_3GB),     XLAT_END};

static const struct xlat kcmp_types[] = {XLAT(KCMP_FILE),    XLAT(KCMP_VM),	   XLAT(KCMP_FILES),
					 XLAT(KCMP_FS),	     XLAT(KCMP_SIGHAND),   XLAT(KCMP_IO),
					 XLAT(KCMP_SYSVSEM), XLAT(KCMP_EPOLL_TFD), XLAT_END};

/* prctl options the main table lacks. */
static const struct xlat prctl_extra[] = {XLAT(PR_SET_PTRACER), XLAT_END};

const char *prctl_extra_name(uint32_t option)
{
	return xlat_name(prctl_extra, option);
}

/* "PER_LINUX|ADDR_NO_RANDOMIZE": the domain, then the flags. */
static void print_personality(struct sbuf *sb, uint64_t v)
{
	uint64_t flags = v & ~(uint64_t)PER_MASK;
	size_t mark = const_begin(sb);

	print_xlat(sb, personality_types, v & PER_MASK, "PER_???");
	if (flags)
		print_flags_more(sb, personality_flags, flags);
	const_end_hex(sb, mark, v);
}

/* personality(PERSONA): 0xffffffff only asks, and prints as a number. */
void custom_personality(struct dctx *c)
{
	uint32_t v = (uint32_t)c->args[0];

	if (c->exiting)
		return;
	if (v == 0xffffffff)
		sb_hex(c->sb, v);
	else
		print_personality(c->sb, v);
}

void print_personality_result(struct dctx *c)
{
	sb_hex(c->sb, (unsigned long long)c->ret);
	sb_puts(c->sb, " (");
	print_personality(c->sb, (uint64_t)c->ret);
	sb_putc(c->sb, ')');
}

void print_prctl_result(struct dctx *c)
{
	const char *name;

	sb_dec(c->sb, c->ret);
	if ((uint32_t)c->args[0] == PR_GET_DUMPABLE) {
		/* A note on the result: strace names it even under -X raw. */
		name = xlat_name(suid_dump_modes, (uint64_t)c->ret);
		sb_printf(c->sb, " (%s)", name ? name : "SUID_DUMP_???");
	}
}

/* MEMBARRIER_CMD_QUERY returns the set of supported commands. */
void print_membarrier_result(struct dctx *c)
{
	if ((uint32_t)c->args[0] != MEMBARRIER_CMD_QUERY || !c->ret) {
		sb_dec(c->sb, c->ret);
		return;
	}
	sb_hex(c->sb, (unsigned long long)c->ret);
	sb_puts(c->sb, " (");
	print_flags(c->sb, membarrier_cmds, (uint64_t)c->ret, NULL);
	sb_putc(c->sb, ')');
}

/* kcmp(pid1, pid2, type, idx1, idx2) */
void custom_kcmp(struct dctx *c)
{
	if (c->exiting)
		return;
	sb_printf(c->sb, "%d, %d, ", (int)c->args[0], (int)c->args[1]);
	print_xlat(c->sb, kcmp_types, (uint32_t)c->args[2], "KCMP_???");
	sb_printf(c->sb, ", %llu, %llu", (unsigned long long)c->args[3],
		  (unsigned long long)c->args[4]);
}

/* io_setup(nr_events, ctxp): the context the kernel stored in *ctxp. */
void custom_io_setup(struct dctx *c)
{
	uint64_t ctx;

	if (!c->exiting) {
		sb_printf(c->sb, "%u, ", (unsigned int)c->args[0]);
		return;
	}
	if (dctx_failed(c) || !mem_read(c, c->args[1], &ctx, sizeof(ctx))) {
		sb_ptr(c->sb, c->args[1]);
		return;
	}
	sb_putc(c->sb, '[');
	sb_hex(c->sb, ctx);
	sb_putc(c->sb, ']');
}

void custom_io_destroy(struct dctx *c)
{
	if (!c->exiting)
		sb_hex(c->sb, c->args[0]);
}
