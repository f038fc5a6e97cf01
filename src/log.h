/* SPDX-License-Identifier: MIT */
/* Diagnostics: one-line "ptsandbox: ..." errors and the -o stream. */
#ifndef PTSANDBOX_LOG_H
#define PTSANDBOX_LOG_H

#include <stdbool.h>
#include <stdio.h>

/* Where diagnostics go: stderr, or the -o file once opened. */
extern FILE *diag;

/* "ptsandbox: <msg>\n" on stderr. */
void psb_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "ptsandbox: <msg>: <strerror(errno)>\n" on stderr. */
void psb_perror(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A line on the diagnostics stream, flushed. */
void diag_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Open the -o file (append: -A, strace's output-append-mode). */
int diag_open(const char *path, bool append);

#endif
