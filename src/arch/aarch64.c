// SPDX-License-Identifier: MIT
/*
 * aarch64: registers, syscall numbers and the native ABI's identity.
 * Compiled and kept behind the same interface as x86_64; the test
 * suite runs on x86_64.  The syscall number lives apart from the
 * general registers (NT_ARM_SYSTEM_CALL) and x0 is both the first
 * argument and the return value.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <asm/ptrace.h>
#include <linux/audit.h>

#include "arch.h"

#ifndef NT_ARM_SYSTEM_CALL
#define NT_ARM_SYSTEM_CALL 0x404
#endif

static const char *const syscall_names[] = {
#include "aarch64-syscalls.h"
};

#define NR_NAMES ((long)(sizeof(syscall_names) / sizeof(syscall_names[0])))

static struct user_pt_regs *ur(struct arch_regs *regs)
{
	return (struct user_pt_regs *)regs->raw;
}

static const struct user_pt_regs *cur(const struct arch_regs *regs)
{
	return (const struct user_pt_regs *)regs->raw;
}

uint32_t arch_audit_arch(void)
{
	return AUDIT_ARCH_AARCH64;
}

uint32_t arch_foreign_nr_base(void)
{
	return 0;
}

const char *arch_name(void)
{
	return "aarch64";
}

const char *arch_syscall_name(long nr)
{
	if (nr < 0 || nr >= NR_NAMES)
		return NULL;
	return syscall_names[nr];
}

long arch_syscall_lookup(const char *name)
{
	for (long nr = 0; nr < NR_NAMES; nr++)
		if (syscall_names[nr] && strcmp(syscall_names[nr], name) == 0)
			return nr;
	return -1;
}

long arch_max_syscall(void)
{
	return NR_NAMES - 1;
}

int arch_get_regs(pid_t tid, struct arch_regs *regs)
{
	struct iovec iov = {.iov_base = ur(regs), .iov_len = sizeof(struct user_pt_regs)};
	int nr = -1;
	struct iovec nriov = {.iov_base = &nr, .iov_len = sizeof(nr)};

	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return -1;
	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_ARM_SYSTEM_CALL, &nriov) < 0)
		return -1;
	regs->orig_nr = (uint64_t)(int64_t)nr;
	return 0;
}

int arch_set_regs(pid_t tid, const struct arch_regs *regs)
{
	struct iovec iov = {.iov_base = (void *)cur(regs), .iov_len = sizeof(struct user_pt_regs)};
	int nr = (int)regs->orig_nr;
	struct iovec nriov = {.iov_base = &nr, .iov_len = sizeof(nr)};

	if (ptrace(PTRACE_SETREGSET, tid, (void *)NT_ARM_SYSTEM_CALL, &nriov) < 0)
		return -1;
	return ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0 ? -1 : 0;
}

long arch_regs_nr(const struct arch_regs *regs)
{
	return (long)(int64_t)regs->orig_nr;
}

void arch_regs_set_nr(struct arch_regs *regs, long nr)
{
	regs->orig_nr = (uint64_t)nr;
}

uint64_t arch_regs_arg(const struct arch_regs *regs, int i)
{
	return (i >= 0 && i < 6) ? cur(regs)->regs[i] : 0;
}

void arch_regs_set_arg(struct arch_regs *regs, int i, uint64_t val)
{
	if (i >= 0 && i < 6)
		ur(regs)->regs[i] = val;
}

int64_t arch_regs_ret(const struct arch_regs *regs)
{
	return (int64_t)cur(regs)->regs[0];
}

void arch_regs_set_ret(struct arch_regs *regs, int64_t val)
{
	ur(regs)->regs[0] = (uint64_t)val;
}

uint64_t arch_regs_ip(const struct arch_regs *regs)
{
	return cur(regs)->pc;
}

void arch_regs_set_ip(struct arch_regs *regs, uint64_t ip)
{
	ur(regs)->pc = ip;
}

uint64_t arch_regs_sp(const struct arch_regs *regs)
{
	return cur(regs)->sp;
}

uint64_t arch_regs_fp(const struct arch_regs *regs)
{
	return cur(regs)->regs[29];
}

/*
 * sp points at the struct rt_sigframe: the siginfo, then the kernel's
 * struct ucontext, whose uc_sigmask comes right after uc_flags, uc_link
 * and uc_stack (before uc_mcontext, unlike x86_64's).
 */
uint64_t arch_sigreturn_mask_addr(uint64_t sp)
{
	return sp + sizeof(siginfo_t) + 2 * sizeof(uint64_t) + sizeof(stack_t);
}

#define STR_(x) #x
#define STR(x)	STR_(x)

/*
 * arch_wait_unless(rung, pid, status, options): x0, w1, x2, w3 in;
 * wait4 takes x0-x3 and its number in x8.  Everything from
 * ..._begin up to and including the svc is the window that
 * arch_wait_abort() moves to ..._abort.
 */
/* clang-format off */
__asm__(".text\n"
	".globl arch_wait_unless\n"
	".type arch_wait_unless, %function\n"
	".hidden arch_wait_begin, arch_wait_syscall, arch_wait_aborted\n"
	"arch_wait_unless:\n"
	"	mov x9, x0\n"
	"	sxtw x0, w1\n"
	"	mov x1, x2\n"
	"	sxtw x2, w3\n"
	"	mov x3, xzr\n"
	"	mov x8, #" STR(__NR_wait4) "\n"
	"arch_wait_begin:\n"
	"	ldr w10, [x9]\n"
	"	cbnz w10, arch_wait_aborted\n"
	"arch_wait_syscall:\n"
	"	svc #0\n"
	"	ret\n"
	"arch_wait_aborted:\n"
	"	mov x0, #" STR(-EINTR) "\n"
	"	ret\n"
	".size arch_wait_unless, . - arch_wait_unless\n");
/* clang-format on */

extern const char arch_wait_begin[], arch_wait_syscall[], arch_wait_aborted[];

void arch_wait_abort(void *ucontext)
{
	mcontext_t *mc = &((ucontext_t *)ucontext)->uc_mcontext;

	if (mc->pc >= (uintptr_t)arch_wait_begin && mc->pc <= (uintptr_t)arch_wait_syscall)
		mc->pc = (uintptr_t)arch_wait_aborted;
}

unsigned int arch_syscall_insn_len(void)
{
	return 4; /* svc #0 */
}

int arch_format_regs(const struct arch_regs *regs, char *buf, size_t len)
{
	const struct user_pt_regs *r = cur(regs);
	size_t off = 0;

	for (int i = 0; i < 31 && off < len; i++)
		off += (size_t)snprintf(buf + off, len - off, "x%-2d=%016llx%s", i,
					(unsigned long long)r->regs[i], (i % 4 == 3) ? "\n" : " ");
	if (off < len)
		off += (size_t)snprintf(buf + off, len - off,
					"\nsp=%016llx pc=%016llx pstate=%08llx\n",
					(unsigned long long)r->sp, (unsigned long long)r->pc,
					(unsigned long long)r->pstate);
	return (int)off;
}
