/* SPDX-License-Identifier: MIT */
/*
 * The syscalls the supervisor reasons about by identity, once.  From this
 * list come enum sysid (arch.h), the sysid <-> number table (sysid.c,
 * numbers looked up by name in the arch's generated syscall table), the
 * emulated families (emul/dispatch.c) and the calls that return EINTR for any
 * signal (signals/ignored.c).  Adding an emulated syscall is one line here
 * plus its handler.
 *
 * X(name, handler, flags)
 *   name     the kernel's syscall name (as in src/arch/ARCH-syscalls.h)
 *   handler  the emul family that interposes it, or NULL: not emulated
 *   flags    SYSF_* below
 */
#ifndef PTSANDBOX_ARCH_SYSIDS_H
#define PTSANDBOX_ARCH_SYSIDS_H

/* Not in asm-generic's table: aarch64 (and newer arches) lack it. */
#define SYSF_LEGACY 0x1
/* Returns EINTR for any signal, even an ignored one's stop (signal(7)). */
#define SYSF_EINTR_ANY 0x2
/* Trapped only to watch it (its handler never parks the thread). */
#define SYSF_OBSERVE 0x4

// clang-format off
#define SYSID_LIST(X)							\
	X(nanosleep,		emul_sleep,		0)			\
	X(clock_nanosleep,	emul_sleep,		0)			\
	X(pause,		emul_sigwait,		SYSF_LEGACY)		\
	X(rt_sigsuspend,	emul_sigwait,		0)			\
	X(rt_sigtimedwait,	emul_sigwait,		SYSF_EINTR_ANY)		\
	X(poll,			emul_poll,		SYSF_LEGACY)		\
	X(ppoll,		emul_poll,		0)			\
	X(select,		emul_select,		SYSF_LEGACY)		\
	X(pselect6,		emul_select,		0)			\
	X(epoll_wait,		emul_epoll,		SYSF_LEGACY | SYSF_EINTR_ANY) \
	X(epoll_pwait,		emul_epoll,		SYSF_EINTR_ANY)		\
	X(epoll_pwait2,		emul_epoll,		SYSF_EINTR_ANY)		\
	X(wait4,		emul_childwait,		0)			\
	X(waitid,		emul_childwait,		0)			\
	X(futex,		emul_futex,		0)			\
	X(futex_wake,		emul_futex,		0)			\
	X(restart_syscall,	NULL,			0)			\
	X(execve,		NULL,			0)			\
	X(execveat,		NULL,			0)			\
	X(exit,			NULL,			0)			\
	X(exit_group,		NULL,			0)			\
	X(semop,		NULL,			SYSF_EINTR_ANY)		\
	X(semtimedop,		NULL,			SYSF_EINTR_ANY)		\
	X(io_getevents,		NULL,			SYSF_EINTR_ANY)		\
	X(read,			NULL,			0)			\
	X(write,		NULL,			0)			\
	X(rt_sigreturn,		NULL,			0)			\
	X(prctl,		emul_seccomp_strict,	SYSF_OBSERVE)			\
	X(seccomp,		emul_seccomp_strict,	SYSF_OBSERVE)			\
	X(epoll_ctl,		emul_epoll,		SYSF_OBSERVE)
// clang-format on

#endif
