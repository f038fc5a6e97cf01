/* SPDX-License-Identifier: MIT */
/*
 * struct timespec arithmetic for the emulated waits, their timeouts and
 * the hang reports.  Nothing above it: the wait object, every family,
 * the time-namespace translation and the dumps use it.
 */
#ifndef PTSANDBOX_EMUL_TIMESPEC_H
#define PTSANDBOX_EMUL_TIMESPEC_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

int64_t ts_to_ns(const struct timespec *ts);
/* A timespec the kernel accepts as a timeout (else EINVAL). */
bool ts_valid(const struct timespec *ts);
/* Negative ns clamp to 0. */
struct timespec ns_to_ts(int64_t ns);

#endif
