/* SPDX-License-Identifier: MIT */
/*
 * What a blocking call returns when a signal interrupts it in the real
 * kernel, for the trace line of a call ptsandbox emulated: the
 * emulation picks the code that makes the kernel apply the right
 * restart rule for the guest, which is not always the one the kernel's
 * own call returns (and strace shows).
 */
#ifndef PTSANDBOX_TRACE_INTERRUPTED_H
#define PTSANDBOX_TRACE_INTERRUPTED_H

#include <stdbool.h>
#include <stdint.h>

/* Does ret say "interrupted by a signal" (-EINTR or -ERESTART*)? */
bool trace_is_interruption(int64_t ret);

/*
 * ret is the result an emulated call nr(args) was settled with.  If it
 * says "interrupted" (-EINTR or -ERESTART*), the kernel's own
 * interrupted call's result; else, or for a call not known here, ret.
 */
int64_t trace_interrupted_ret(long nr, const uint64_t args[6], int64_t ret);

#endif
