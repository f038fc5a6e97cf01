// SPDX-License-Identifier: MIT
/*
 * x86_64: registers, syscall numbers and the native ABI's identity.
 * int 0x80 (i386) and x32 syscalls are "foreign" here: the seccomp
 * filter traps all of them so none slips past interposition.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <linux/audit.h>
#include <asm/ucontext.h>

#include "arch.h"

static const char *const syscall_names[] = {
#include "x86_64-syscalls.h"
};

#define NR_NAMES ((long)(sizeof(syscall_names) / sizeof(syscall_names[0])))

static struct user_regs_struct *ur(struct arch_regs *regs)
{
	return (struct user_regs_struct *)regs->raw;
}

static const struct user_regs_struct *cur(const struct arch_regs *regs)
{
	return (const struct user_regs_struct *)regs->raw;
}

uint32_t arch_audit_arch(void)
{
	return AUDIT_ARCH_X86_64;
}

uint32_t arch_foreign_nr_base(void)
{
	return 0x40000000u; /* __X32_SYSCALL_BIT */
}

const char *arch_name(void)
{
	return "x86_64";
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
	return ptrace(PTRACE_GETREGS, tid, NULL, ur(regs)) < 0 ? -1 : 0;
}

int arch_set_regs(pid_t tid, const struct arch_regs *regs)
{
	return ptrace(PTRACE_SETREGS, tid, NULL, cur(regs)) < 0 ? -1 : 0;
}

long arch_regs_nr(const struct arch_regs *regs)
{
	return (long)cur(regs)->orig_rax;
}

void arch_regs_set_nr(struct arch_regs *regs, long nr)
{
	ur(regs)->orig_rax = (unsigned long long)nr;
}

uint64_t arch_regs_arg(const struct arch_regs *regs, int i)
{
	const struct user_regs_struct *r = cur(regs);

	switch (i) {
	case 0:
		return r->rdi;
	case 1:
		return r->rsi;
	case 2:
		return r->rdx;
	case 3:
		return r->r10;
	case 4:
		return r->r8;
	case 5:
		return r->r9;
	}
	return 0;
}

void arch_regs_set_arg(struct arch_regs *regs, int i, uint64_t val)
{
	struct user_regs_struct *r = ur(regs);

	switch (i) {
	case 0:
		r->rdi = val;
		break;
	case 1:
		r->rsi = val;
		break;
	case 2:
		r->rdx = val;
		break;
	case 3:
		r->r10 = val;
		break;
	case 4:
		r->r8 = val;
		break;
	case 5:
		r->r9 = val;
		break;
	}
}

int64_t arch_regs_ret(const struct arch_regs *regs)
{
	return (int64_t)cur(regs)->rax;
}

void arch_regs_set_ret(struct arch_regs *regs, int64_t val)
{
	ur(regs)->rax = (unsigned long long)val;
}

uint64_t arch_regs_ip(const struct arch_regs *regs)
{
	return cur(regs)->rip;
}

void arch_regs_set_ip(struct arch_regs *regs, uint64_t ip)
{
	ur(regs)->rip = ip;
}

uint64_t arch_regs_sp(const struct arch_regs *regs)
{
	return cur(regs)->rsp;
}

uint64_t arch_regs_fp(const struct arch_regs *regs)
{
	return cur(regs)->rbp;
}

/*
 * The handler's return popped the frame's pretcode, so sp points at
 * the kernel's struct ucontext: uc_flags, uc_link, uc_stack, then the
 * struct sigcontext (uc_mcontext), then uc_sigmask.
 */
uint64_t arch_sigreturn_mask_addr(uint64_t sp)
{
	return sp + offsetof(struct ucontext, uc_sigmask);
}

#define STR_(x) #x
#define STR(x)	STR_(x)

/*
 * arch_wait_unless(rung, pid, status, options): rdi, esi, rdx, ecx in;
 * wait4 takes rdi, rsi, rdx, r10 and its number in rax.  Everything
 * from ..._begin up to and including the syscall instruction is the
 * window that arch_wait_abort() moves to ..._abort.
 */
/* clang-format off */
__asm__(".text\n"
	".globl arch_wait_unless\n"
	".type arch_wait_unless, @function\n"
	".hidden arch_wait_begin, arch_wait_syscall, arch_wait_aborted\n"
	"arch_wait_unless:\n"
	"	mov %rdi, %r8\n"
	"	movslq %esi, %rdi\n"
	"	mov %rdx, %rsi\n"
	"	movslq %ecx, %rdx\n"
	"	xor %r10d, %r10d\n"
	"	mov $" STR(__NR_wait4) ", %eax\n"
	"arch_wait_begin:\n"
	"	cmpl $0, (%r8)\n"
	"	jne arch_wait_aborted\n"
	"arch_wait_syscall:\n"
	"	syscall\n"
	"	ret\n"
	"arch_wait_aborted:\n"
	"	mov $" STR(-EINTR) ", %rax\n"
	"	ret\n"
	".size arch_wait_unless, . - arch_wait_unless\n");
/* clang-format on */

extern const char arch_wait_begin[], arch_wait_syscall[], arch_wait_aborted[];

void arch_wait_abort(void *ucontext)
{
	struct sigcontext *sc = &((struct ucontext *)ucontext)->uc_mcontext;

	if (sc->rip >= (uintptr_t)arch_wait_begin && sc->rip <= (uintptr_t)arch_wait_syscall)
		sc->rip = (uintptr_t)arch_wait_aborted;
}

unsigned int arch_syscall_insn_len(void)
{
	return 2; /* syscall: 0f 05 */
}

int arch_format_regs(const struct arch_regs *regs, char *buf, size_t len)
{
	const struct user_regs_struct *r = cur(regs);

	return snprintf(buf, len,
			"rax=%016llx rbx=%016llx rcx=%016llx rdx=%016llx\n"
			"rsi=%016llx rdi=%016llx rbp=%016llx rsp=%016llx\n"
			" r8=%016llx  r9=%016llx r10=%016llx r11=%016llx\n"
			"r12=%016llx r13=%016llx r14=%016llx r15=%016llx\n"
			"rip=%016llx eflags=%08llx cs=%04llx ss=%04llx fs_base=%016llx\n",
			r->rax, r->rbx, r->rcx, r->rdx, r->rsi, r->rdi, r->rbp, r->rsp, r->r8,
			r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15, r->rip, r->eflags,
			r->cs, r->ss, r->fs_base);
}
