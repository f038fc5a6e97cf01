/* SPDX-License-Identifier: MIT */
/*
 * The families' entry points, called by dispatch.c at the seccomp stop
 * of the calls arch/sysids.h gives them.  Each returns false when the
 * call runs natively, true when it rewrote the registers (parked the
 * thread, or completed the call).
 */
#ifndef PTSANDBOX_EMUL_FAMILIES_H
#define PTSANDBOX_EMUL_FAMILIES_H

#include <stdbool.h>
#include <stdint.h>

#include "../arch/arch.h"

struct task;

/* Per-family entry points, called at the seccomp stop. */
bool emul_sleep(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_poll(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_select(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_epoll(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_childwait(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_sigwait(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
bool emul_futex(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
/* prctl/seccomp asking for SECCOMP_MODE_STRICT (seccomp_strict.c): never emulated, rewritten. */
bool emul_seccomp_strict(struct task *t, int sysid, const uint64_t args[6], struct arch_regs *regs);
/* A seccomp stop of a strict-mode thread's forbidden call: kill it; true if it was one. */
bool emul_strict_violation(struct task *t, uint32_t ret_data);

#endif
