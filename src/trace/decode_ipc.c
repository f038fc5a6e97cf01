// SPDX-License-Identifier: MIT
/* SysV IPC decoders beyond an argument kind: semctl's commands. */
#include "config.h"

#include <stdint.h>
#include <sys/ipc.h>
#include <sys/sem.h>

#include "decode_impl.h"

static const struct xlat semctl_cmds[] = {XLAT(IPC_RMID),
					  XLAT(IPC_SET),
					  XLAT(IPC_STAT),
					  XLAT(IPC_INFO),
					  XLAT(GETPID),
					  XLAT(GETVAL),
					  XLAT(GETALL),
					  XLAT(GETNCNT),
					  XLAT(GETZCNT),
					  XLAT(SETVAL),
					  XLAT(SETALL),
					  XLAT(SEM_STAT),
					  XLAT(SEM_INFO),
#ifdef SEM_STAT_ANY
					  XLAT(SEM_STAT_ANY),
#endif
					  XLAT_END};

/* semctl(semid, semnum, cmd, arg): arg, a union, as a pointer. */
void custom_semctl(struct dctx *c)
{
	if (c->exiting)
		return;
	sb_printf(c->sb, "%d, %d, ", (int)c->args[0], (int)c->args[1]);
	print_xlat(c->sb, semctl_cmds, (uint32_t)c->args[2], "IPC_???");
	sb_puts(c->sb, ", ");
	sb_ptr(c->sb, c->args[3]);
}
