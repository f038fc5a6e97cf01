/* SPDX-License-Identifier: MIT */
/*
 * Additions to decode.h for the tracer's line layout.  strace pads the
 * exit half so that "= ret" starts at column 40; only the caller knows
 * where on the line the exit half starts ("[pid  42] ", "<... read
 * resumed>"), so it passes that column in.
 */
#ifndef PTSANDBOX_TRACE_DECODE_EXT_H
#define PTSANDBOX_TRACE_DECODE_EXT_H

#include <stddef.h>
#include <stdint.h>

#include "decode_types.h"

#define DECODE_RESULT_COLUMN 40
/* No alignment: a single space before "= " (what decode_syscall_exit does). */
#define DECODE_NO_COLUMN ((size_t)-1)

/*
 * decode_syscall_exit for an exit half printed at column `column` (the
 * length of the line so far): ") = 0" becomes ")" + padding + "= 0"
 * with "=" at DECODE_RESULT_COLUMN, or one space past it.
 */
size_t decode_syscall_exit_at(long nr, const uint64_t args[6], int64_t ret,
			      const struct trace_mem *mem, const struct decode_opts *o,
			      size_t column, char *buf, size_t len);

/* decode_syscall_enter, also filling *saved. */
size_t decode_syscall_enter_saving(long nr, const uint64_t args[6], const struct trace_mem *mem,
				   const struct decode_opts *o, struct decode_saved *saved,
				   char *buf, size_t len);
/* decode_syscall_exit_at with the entry values of *saved (NULL: none). */
size_t decode_syscall_exit_saved(long nr, const uint64_t args[6], int64_t ret,
				 const struct trace_mem *mem, const struct decode_opts *o,
				 const struct decode_saved *saved, size_t column, char *buf,
				 size_t len);

#endif
