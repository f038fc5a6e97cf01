/* SPDX-License-Identifier: MIT */
/*
 * Finding the program to run, as execvp(3) would, in the supervisor:
 * the guest then makes the one execve that matters, and a trace does
 * not start with every PATH entry that lacked the program.
 */
#ifndef PTSANDBOX_RESOLVE_H
#define PTSANDBOX_RESOLVE_H

/*
 * The file execvp(name) would execute: name itself if it has a '/',
 * else the first PATH entry (unset PATH: confstr's default) holding an
 * executable regular file of that name.  Returns a malloc'd path, or
 * NULL with errno as execvp would leave it (ENOENT, EACCES, ...).
 */
char *resolve_program(const char *name);

/*
 * Print env(1)'s one-line message for name failing with err
 * ("ptsandbox: 'name': ...") and return its exit status: 127 not
 * found, 126 cannot execute.
 */
int resolve_report(const char *name, int err);

#endif
