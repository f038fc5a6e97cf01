// SPDX-License-Identifier: MIT
/*
 * Signal structures, as strace prints them: sigset_t ("[INT TERM]",
 * "~[RTMIN RT_1]"), the kernel's sigaction, siginfo_t, stack_t.
 */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <string.h>

#include "decode_impl.h"

/* ---- signals ---- */

/* The size argument of the rt_sig* family; only 8 is a valid size here. */
static uint64_t sigset_size(const struct dctx *c)
{
	for (int i = 0; c->ent && i < c->ent->nargs; i++)
		if (c->ent->args[i] == A_SIGSETSIZE)
			return c->args[i];
	return 8;
}

bool pr_sigset(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t mask;

	if (c->args[i] && sigset_size(c) != sizeof(mask)) {
		sb_ptr(c->sb, c->args[i]);
		return true;
	}
	if (fetch_arg(c, i, &mask, sizeof(mask)))
		print_sigmask(c->sb, mask);
	return true;
}

/* The kernel's struct sigaction (rt_sigaction), not libc's. */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

#define KERNEL_SA_RESTORER 0x04000000

bool pr_sigaction(struct dctx *c, int i, const struct argfmt *k)
{
	struct kernel_sigaction sa;

	if (!fetch_arg(c, i, &sa, sizeof(sa)))
		return true;
	sb_puts(c->sb, "{sa_handler=");
	if (sa.handler == (uint64_t)(uintptr_t)SIG_DFL ||
	    sa.handler == (uint64_t)(uintptr_t)SIG_IGN) {
		size_t mark = const_begin(c->sb);

		sb_puts(c->sb, sa.handler == (uint64_t)(uintptr_t)SIG_DFL ? "SIG_DFL" : "SIG_IGN");
		const_end_hex(c->sb, mark, sa.handler);
	} else {
		sb_ptr(c->sb, sa.handler);
	}
	sb_puts(c->sb, ", sa_mask=");
	print_sigmask(c->sb, sa.mask);
	sb_puts(c->sb, ", sa_flags=");
	print_flags(c->sb, sigaction_flags, sa.flags, NULL);
	if (sa.flags & KERNEL_SA_RESTORER) {
		sb_puts(c->sb, ", sa_restorer=");
		sb_ptr(c->sb, sa.restorer);
	}
	sb_putc(c->sb, '}');
	return true;
}

bool pr_siginfo(struct dctx *c, int i, const struct argfmt *k)
{
	siginfo_t si;

	if (!fetch_arg(c, i, &si, sizeof(si)))
		return true;
	if (!si.si_signo) /* waitid(WNOHANG) with nothing to report */
		sb_puts(c->sb, "{}");
	else
		print_siginfo(c->sb, &si);
	return true;
}

bool pr_stack(struct dctx *c, int i, const struct argfmt *k)
{
	stack_t ss;

	if (!fetch_arg(c, i, &ss, sizeof(ss)))
		return true;
	sb_puts(c->sb, "{ss_sp=");
	sb_ptr(c->sb, (uint64_t)(uintptr_t)ss.ss_sp);
	sb_puts(c->sb, ", ss_flags=");
	print_flags(c->sb, sigaltstack_flags, (uint32_t)ss.ss_flags, "SS_???");
	sb_printf(c->sb, ", ss_size=%zu}", ss.ss_size);
	return true;
}
