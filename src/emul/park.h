/* SPDX-License-Identifier: MIT */
/* Parking a guest thread for an emulated wait (park.c). */
#ifndef PTSANDBOX_EMUL_PARK_H
#define PTSANDBOX_EMUL_PARK_H

#include <stdbool.h>
#include <stdint.h>

#include "../arch/arch.h"

struct ewait;

/*
 * Park t in the kernel (ppoll under mask_ptr, 0: the thread's mask)
 * and hand ew to the watcher.  regs are t's registers at the seccomp stop.
 */
int ewait_start(struct ewait *ew, struct arch_regs *regs, uint64_t mask_ptr);
/* Are regs those of a thread in its parking ppoll? */
bool ewait_is_parked(const struct arch_regs *regs);

#endif
