/* SPDX-License-Identifier: MIT */
/*
 * The kernel's internal restart codes (include/linux/errno.h).  A syscall
 * interrupted by a signal returns one of them; the kernel turns it into
 * EINTR or a restart when it delivers the signal, so the guest never sees
 * them -- but the tracer sets and reads them in the registers.
 */
#ifndef PTSANDBOX_RESTART_H
#define PTSANDBOX_RESTART_H

#define ERESTARTSYS	      512 /* restart if SA_RESTART, else EINTR */
#define ERESTARTNOINTR	      513 /* always restart */
#define ERESTARTNOHAND	      514 /* restart if no handler runs */
#define ERESTART_RESTARTBLOCK 516 /* restart through restart_syscall */

#endif
