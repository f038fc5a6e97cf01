/* SPDX-License-Identifier: MIT */
/*
 * file:line of an address in a guest process, for the frames of crash
 * reports and hang dumps, from the DWARF line tables of its mapped
 * files (libdw).  Without libdw at build time nothing is found.
 */
#ifndef PTSANDBOX_TRACE_SRCLINE_H
#define PTSANDBOX_TRACE_SRCLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct srclines;

/* For process pid (its current mappings); NULL if unavailable. */
struct srclines *srclines_open(pid_t pid);
/* "crash_null.c:42" (the file's base name) for ip into buf, or false. */
bool srclines_find(struct srclines *s, uint64_t ip, char *buf, size_t len);
void srclines_close(struct srclines *s);

#endif
