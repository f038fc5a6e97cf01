/* SPDX-License-Identifier: MIT */
/*
 * Backtraces of a ptrace-stopped thread (libunwind-ptrace, file:line
 * from srcline.c): in crash reports, hang dumps, denial reports and -k.
 */
#ifndef PTSANDBOX_REPORT_BACKTRACE_H
#define PTSANDBOX_REPORT_BACKTRACE_H

#include <stdio.h>
#include <sys/types.h>

/* The backtrace of a ptrace-stopped thread, one "  #N func+0xoff (module)" per line. */
void backtrace_print(FILE *out, pid_t tid, const char *indent);

/*
 * The same backtrace as strace -k prints it under a syscall line:
 * " > /path/module(func+0xoff) [0xfile_offset]" per frame.
 */
void backtrace_print_strace(FILE *out, pid_t tid);

#endif
