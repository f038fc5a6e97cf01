// SPDX-License-Identifier: MIT
/*
 * SECCOMP_MODE_STRICT on top of ptsandbox's own filter.  The kernel
 * refuses strict mode to a thread that has a filter (EINVAL), so the
 * guest's request (prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) or
 * seccomp(SECCOMP_SET_MODE_STRICT)) is turned, at its seccomp stop,
 * into the thread installing a further filter of the same meaning:
 * read, write, exit and rt_sigreturn of the native ABI pass, anything
 * else stops with SECCOMP_RET_TRACE and STRICT_DATA.  Filters stack,
 * and among equal actions the newest filter's data wins, so every
 * other call of that thread reaches the tracer marked as a violation,
 * whatever ptsandbox's own filter says.  The kernel kills a violating
 * thread with SIGKILL; the tracer does the same (the whole process
 * when the thread is its only one, else it makes the thread exit, as
 * a signal cannot end one thread alone).  If ptsandbox dies, its
 * guests die with it (PTRACE_O_EXITKILL), so the filter never lets a
 * call through unsupervised.  Another ABI's calls (int 0x80, x32) are
 * killed by the kernel directly (SIGSYS: strict mode would allow that
 * ABI's read/write/exit, which this filter does not tell apart).
 *
 * A strict request on top of a filter of the guest's own runs as is:
 * the kernel refuses it with EINVAL, natively too.  Such a filter may
 * also forbid the ppoll an emulated call parks in, so a process that
 * installs one makes its blocking calls in the kernel from then on.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "../guest_mem.h"
#include "../task.h"
#include "families.h"
#include "wait.h"

#define STRICT_DATA 0x5c1

/* Below the guest's stack pointer: past x86_64's red zone, 16-aligned. */
#define SCRATCH_GAP 512

static size_t strict_prog(struct sock_filter *prog)
{
	static const enum sysid allowed[] = {SYSID_read, SYSID_write, SYSID_exit,
					     SYSID_rt_sigreturn};
	size_t n = 0, nallowed = sizeof(allowed) / sizeof(allowed[0]);
	uint32_t foreign = arch_foreign_nr_base();

	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, arch));
	prog[n++] =
	    (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch_audit_arch(), 1, 0);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_THREAD);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, nr));
	if (foreign) {
		prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, foreign, 0, 1);
		prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_THREAD);
	}
	for (size_t i = 0; i < nallowed; i++) {
		uint8_t to_allow = (uint8_t)(nallowed - i);

		prog[n++] = (struct sock_filter)BPF_JUMP(
		    BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)arch_sysnr(allowed[i]), to_allow, 0);
	}
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | STRICT_DATA);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return n;
}

static bool asks_strict(int sysid, const uint64_t args[6])
{
	if (sysid == SYSID_prctl)
		return args[0] == PR_SET_SECCOMP && args[1] == SECCOMP_MODE_STRICT;
	/* With flags or arguments the kernel says EINVAL itself. */
	return sysid == SYSID_seccomp && args[0] == SECCOMP_SET_MODE_STRICT && args[1] == 0 &&
	       args[2] == 0;
}

static bool asks_filter(int sysid, const uint64_t args[6])
{
	if (sysid == SYSID_prctl)
		return args[0] == PR_SET_SECCOMP && args[1] == SECCOMP_MODE_FILTER;
	return sysid == SYSID_seccomp && args[0] == SECCOMP_SET_MODE_FILTER;
}

bool emul_seccomp_strict(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs)
{
	struct sock_filter prog[16];
	struct {
		struct sock_fprog fprog;
		struct sock_filter prog[16];
	} img;
	size_t len;
	uint64_t at;

	/*
	 * A filter of the guest's own may kill or fail the ppoll that an
	 * emulated call parks the thread in: from now on its process (and
	 * its children) make their blocking calls in the kernel.
	 */
	if (asks_filter(sysid, args) && t->proc)
		t->proc->own_seccomp = true;
	if (!asks_strict(sysid, args) || (t->proc && t->proc->own_seccomp))
		return false;
	len = strict_prog(prog);
	at = (arch_regs_sp(regs) - SCRATCH_GAP - sizeof(img)) & ~(uint64_t)15;
	img.fprog.len = (unsigned short)len;
	img.fprog.filter = (struct sock_filter *)(uintptr_t)(at + offsetof(typeof(img), prog));
	for (size_t i = 0; i < len; i++)
		img.prog[i] = prog[i];
	/* Unwritable stack: the call runs as asked, and fails as the kernel says. */
	if (guest_write(t->tid, at, &img, sizeof(img)) < 0)
		return false;
	/*
	 * The call becomes seccomp(SECCOMP_SET_MODE_FILTER, 0, &fprog);
	 * both it and the strict request return 0 on success.  The kernel
	 * checks a call changed at a seccomp stop against the filters
	 * again, and lets a traced call pass.
	 */
	arch_regs_set_nr(regs, arch_sysnr(SYSID_seccomp));
	arch_regs_set_arg(regs, 0, SECCOMP_SET_MODE_FILTER);
	arch_regs_set_arg(regs, 1, 0);
	arch_regs_set_arg(regs, 2, at);
	if (arch_set_regs(t->tid, regs) < 0)
		return false;
	return false;
}

bool emul_strict_violation(struct task *t, uint32_t ret_data)
{
	struct arch_regs regs;

	if (ret_data != STRICT_DATA || arch_get_regs(t->tid, &regs) < 0)
		return false;
	if (t->proc && t->proc->nthreads <= 1) {
		/* The call must not run on the way to the SIGKILL. */
		arch_regs_set_nr(&regs, -1);
		arch_regs_set_ret(&regs, -ENOSYS);
		arch_set_regs(t->tid, &regs);
		kill(t->proc->tgid, SIGKILL);
		return true;
	}
	arch_regs_set_nr(&regs, arch_sysnr(SYSID_exit));
	arch_regs_set_arg(&regs, 0, 0);
	arch_set_regs(t->tid, &regs);
	return true;
}
