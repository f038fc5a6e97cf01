/* SPDX-License-Identifier: MIT */
/* The tracer loop: every ptrace stop of every guest thread ends here. */
#ifndef PTSANDBOX_TRACER_H
#define PTSANDBOX_TRACER_H

#include <stdbool.h>
#include <sys/types.h>

#include "options.h"

/*
 * Run argv under the supervisor until every traced task is gone.
 * Returns the exit status ptsandbox should exit with; if the guest died
 * by a signal this dies by the same signal instead of returning.
 */
int tracer_run(const struct options *opts);

#endif
