// SPDX-License-Identifier: MIT
/*
 * The result each blocking call shows when a signal interrupts it, as
 * measured with strace 6.1 on Linux 6.18 (tests/guests/interrupted.c):
 *
 *   nanosleep, clock_nanosleep relative    ERESTART_RESTARTBLOCK
 *   clock_nanosleep TIMER_ABSTIME          ERESTARTNOHAND
 *   poll (with or without a timeout)       ERESTART_RESTARTBLOCK
 *   ppoll, select, pselect6, pause,
 *   rt_sigsuspend                          ERESTARTNOHAND
 *   futex WAIT/WAIT_BITSET with a timeout  ERESTART_RESTARTBLOCK
 *   futex WAIT/WAIT_BITSET without         ERESTARTSYS
 *   wait4, waitid                          ERESTARTSYS
 *   epoll_wait, epoll_pwait(2),
 *   rt_sigtimedwait                        EINTR
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <linux/futex.h>

#include "arch/arch.h"
#include "restart.h"
#include "trace/interrupted.h"

bool trace_is_interruption(int64_t ret)
{
	return ret == -EINTR || ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	       ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK;
}

/* The kernel keeps a restart block only for a relative sleep. */
static int clock_nanosleep_code(const uint64_t args[6])
{
	return args[1] & TIMER_ABSTIME ? ERESTARTNOHAND : ERESTART_RESTARTBLOCK;
}

/* Only the plain waits are known; 0 for the others (PI, requeue, ...). */
static int futex_code(const uint64_t args[6])
{
	int cmd = (int)args[1] & FUTEX_CMD_MASK;

	if (cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET)
		return 0;
	return args[3] ? ERESTART_RESTARTBLOCK : ERESTARTSYS;
}

struct interrupted {
	const char *name;
	int code;				/* the error... */
	int (*by_args)(const uint64_t args[6]); /* ...or what decides it */
};

static const struct interrupted table[] = {
    {"nanosleep", ERESTART_RESTARTBLOCK, NULL},
    {"clock_nanosleep", 0, clock_nanosleep_code},
    {"poll", ERESTART_RESTARTBLOCK, NULL},
    {"ppoll", ERESTARTNOHAND, NULL},
    {"select", ERESTARTNOHAND, NULL},
    {"pselect6", ERESTARTNOHAND, NULL},
    {"pause", ERESTARTNOHAND, NULL},
    {"rt_sigsuspend", ERESTARTNOHAND, NULL},
    {"futex", 0, futex_code},
    {"wait4", ERESTARTSYS, NULL},
    {"waitid", ERESTARTSYS, NULL},
    {"epoll_wait", EINTR, NULL},
    {"epoll_pwait", EINTR, NULL},
    {"epoll_pwait2", EINTR, NULL},
    {"rt_sigtimedwait", EINTR, NULL},
};

int64_t trace_interrupted_ret(long nr, const uint64_t args[6], int64_t ret)
{
	const char *name;

	if (!trace_is_interruption(ret) || !(name = arch_syscall_name(nr)))
		return ret;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const struct interrupted *e = &table[i];
		int code;

		if (strcmp(e->name, name))
			continue;
		code = e->by_args ? e->by_args(args) : e->code;
		return code ? -(int64_t)code : ret;
	}
	return ret;
}
