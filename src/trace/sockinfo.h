/* SPDX-License-Identifier: MIT */
/*
 * -yy: what a socket is, as strace names it: UNIX-STREAM:[ino->peer],
 * UNIX:[ino,"/path"], TCP:[127.0.0.1:80->127.0.0.1:4000], UDP:[ino].
 */
#ifndef PTSANDBOX_TRACE_SOCKINFO_H
#define PTSANDBOX_TRACE_SOCKINFO_H

#include <stddef.h>
#include <sys/types.h>

/*
 * The description of socket fd (the supervisor's duplicate of thread
 * tid's socket, inode ino) into buf; its length, or -1 if unknown.
 */
ssize_t sock_describe(int fd, pid_t tid, unsigned long ino, char *buf, size_t len);

#endif
