/* SPDX-License-Identifier: MIT */
/* Settling an emulated wait at its thread's stops (settle.c); emul.h has the rest. */
#ifndef PTSANDBOX_EMUL_SETTLE_H
#define PTSANDBOX_EMUL_SETTLE_H

#include <stdbool.h>

#include "../arch/arch.h"

struct task;

/*
 * A seccomp stop while t is parked: the parking ppoll restarting.
 * Settles a wait that is done; false if t left its parking spot.
 */
bool parked_syscall(struct task *t, struct arch_regs *regs);

#endif
