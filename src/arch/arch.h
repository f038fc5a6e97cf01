/* SPDX-License-Identifier: MIT */
/*
 * The arch layer: the only code that knows register names, syscall
 * numbers and instruction lengths.  Everything above it speaks in
 * "sysid"s (architecture-neutral syscall identities) and in the
 * struct arch_regs accessors below.
 */
#ifndef PTSANDBOX_ARCH_H
#define PTSANDBOX_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysids.h"

/*
 * Syscalls the supervisor reasons about by identity (the list is in
 * sysids.h).  Not every architecture has every one (aarch64 has no pause,
 * poll, select, epoll_wait: SYSF_LEGACY); arch_sysnr() returns -1 for those.
 */
enum sysid {
#define X(name, handler, flags) SYSID_##name,
	SYSID_LIST(X)
#undef X
	SYSID_COUNT
};

/* The registers of one stopped thread, as the arch layer keeps them. */
struct arch_regs {
	uint64_t raw[64]; /* user_regs_struct / user_pt_regs, opaque above */
	uint64_t orig_nr; /* aarch64 keeps the syscall number apart */
};

/* The native ABI's AUDIT_ARCH_* value (what seccomp_data.arch holds). */
uint32_t arch_audit_arch(void);
/* Syscall numbers at or above this belong to another ABI (x32); 0: none. */
uint32_t arch_foreign_nr_base(void);
const char *arch_name(void);

/* sysid <-> number, for the native ABI. */
long arch_sysnr(enum sysid id);
int arch_sysid(long nr); /* -1 when not an enum sysid */
/* The SYSF_* flags sysids.h gives nr's sysid; 0 when it has none. */
unsigned int arch_sysid_flags(long nr);

/* Syscall names for the native ABI (NULL when unknown). */
const char *arch_syscall_name(long nr);
long arch_syscall_lookup(const char *name);
long arch_max_syscall(void);

/* Register access (ptrace). Both return 0 or -1 with errno set. */
int arch_get_regs(pid_t tid, struct arch_regs *regs);
int arch_set_regs(pid_t tid, const struct arch_regs *regs);

long arch_regs_nr(const struct arch_regs *regs);
void arch_regs_set_nr(struct arch_regs *regs, long nr);
uint64_t arch_regs_arg(const struct arch_regs *regs, int i);
void arch_regs_set_arg(struct arch_regs *regs, int i, uint64_t val);
int64_t arch_regs_ret(const struct arch_regs *regs);
void arch_regs_set_ret(struct arch_regs *regs, int64_t val);
uint64_t arch_regs_ip(const struct arch_regs *regs);
void arch_regs_set_ip(struct arch_regs *regs, uint64_t ip);
uint64_t arch_regs_sp(const struct arch_regs *regs);
uint64_t arch_regs_fp(const struct arch_regs *regs);

/*
 * At rt_sigreturn's entry with stack pointer sp: the address of the
 * signal mask saved in the signal frame (uc_sigmask), which the call
 * restores.
 */
uint64_t arch_sigreturn_mask_addr(uint64_t sp);

/*
 * wait4(pid, status, options, NULL), unless *rung is set: then, and if
 * a signal handler that calls arch_wait_abort() runs at any point
 * before the call has blocked, it returns -EINTR without waiting (no
 * wakeup lost between looking at the flag and sleeping; the kernel's
 * own restart of an interrupted wait lands before the syscall
 * instruction too).  Otherwise the kernel's result: a pid, or -errno.
 */
long arch_wait_unless(const volatile int *rung, pid_t pid, int *status, int options);
/*
 * In a signal handler (SA_SIGINFO, its ucontext): if the interrupted
 * thread is in arch_wait_unless() before its syscall, make it return
 * -EINTR.  A wait that returned a status is past that point: kept.
 */
void arch_wait_abort(void *ucontext);

/* Length of the syscall instruction, for rewinding to re-execute it. */
unsigned int arch_syscall_insn_len(void);

/*
 * Print the general registers one per "name=value" pair into buf,
 * for crash reports.  Returns the length written.
 */
int arch_format_regs(const struct arch_regs *regs, char *buf, size_t len);

#endif
