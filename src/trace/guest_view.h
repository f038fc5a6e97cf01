/* SPDX-License-Identifier: MIT */
/*
 * What the decoders see of a guest thread: its memory, and for -y/-yy
 * what its descriptors are ("/etc/passwd", "/dev/null<char 1:3>",
 * "UNIX-STREAM:[ino->peer]").
 */
#ifndef PTSANDBOX_TRACE_GUEST_VIEW_H
#define PTSANDBOX_TRACE_GUEST_VIEW_H

#include <sys/types.h>

#include "trace/decode_types.h"

/* -y's level (1: paths; 2, -yy: also devices' numbers and sockets). */
void guest_view_init(int decode_fds);
/* The decoders' access to thread tid. */
struct trace_mem guest_view(pid_t tid);

#endif
