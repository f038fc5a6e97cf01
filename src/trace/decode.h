/* SPDX-License-Identifier: MIT */
/*
 * strace-style decoding of syscalls, signals and errnos.  Pure
 * functions: guest memory is read through a callback so the unit tests
 * can feed buffers instead of a traced process.
 */
#ifndef PTSANDBOX_TRACE_DECODE_H
#define PTSANDBOX_TRACE_DECODE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "../seccomp_filter.h"
#include "decode_types.h"

/* -x 1 (strings with non-ASCII bytes), -xx 2 (every string) in hex. */
void decode_set_hex_strings(int level);
/* -X: constants as names (0, the default), numbers (1) or both (2). */
void decode_set_const_style(int style);

/* "ENOENT"; NULL if unknown. */
const char *errno_name(int err);
/* An errno by name ("EACCES") or number (1-4095); -1 if neither. */
int errno_parse(const char *s);
/* "SIGINT"; "SIGRT_3" style for real-time; NULL if out of range. */
const char *signal_name(int sig);
/* Parse "SIGINT", "INT", "2" -> 2; -1 if not a signal. */
int signal_parse(const char *s);

/* How many arguments syscall nr takes (6 if it is not known). */
int decode_syscall_nargs(long nr);
/*
 * The "name(arg, ...)" part of a syscall line, as strace prints it at
 * syscall entry.  Output arguments that the kernel fills (read's buffer,
 * stat's struct) are left to decode_syscall_exit.  Returns strlen(buf).
 */
size_t decode_syscall_enter(long nr, const uint64_t args[6], const struct trace_mem *mem,
			    const struct decode_opts *o, char *buf, size_t len);
/*
 * The rest of the line after the syscall returned: remaining arguments
 * if entry left them out, then ") = ret" with "-1 ENOENT (No such file
 * or directory)" for errors.  Returns strlen(buf).
 */
size_t decode_syscall_exit(long nr, const uint64_t args[6], int64_t ret,
			   const struct trace_mem *mem, const struct decode_opts *o, char *buf,
			   size_t len);
/*
 * -P: does syscall nr name one of paths, by a file name argument or a
 * descriptor that refers to it (mem->fd_path)?
 */
bool decode_syscall_touches(long nr, const uint64_t args[6], const struct trace_mem *mem,
			    const char *const paths[], int npaths);
/* -e read=/write=: descriptors 0..DECODE_FDSET_MAX-1, one bit each. */
#define DECODE_FDSET_MAX 4096
/*
 * After syscall nr returned ret: if it read from a descriptor of
 * read_fds (or wrote to one of write_fds), strace's hex dump of the
 * data to f.
 */
void decode_dump_io(long nr, const uint64_t args[6], int64_t ret, const struct trace_mem *mem,
		    const uint8_t *read_fds, const uint8_t *write_fds, FILE *f);
/* "{si_signo=SIGINT, si_code=SI_KERNEL}" etc. Returns strlen(buf). */
size_t decode_siginfo(const siginfo_t *si, char *buf, size_t len);

/*
 * Parse a trace=SET expression (strace syntax: "open,read", "%file",
 * "!write", "all") into the set of native syscall numbers.  Returns 0,
 * or -1 with a one-line reason in err.
 */
int trace_set_parse(const char *expr, struct sysset *set, char *err, size_t errlen);

#endif
