// SPDX-License-Identifier: MIT
/*
 * -P PATH: does a syscall touch one of the paths, by a path argument
 * or by a descriptor (or AT_FDCWD) that refers to one?  Above the
 * decoders: it reads the arguments through a decoding context of the
 * call (decode.c) and the tracer's descriptor lookup (trace_mem.fd_path).
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/types.h>

#include "decode.h"
#include "decode_impl.h"

/* Is the string at addr one of paths? */
static bool path_is(struct dctx *c, uint64_t addr, const char *const paths[], int npaths)
{
	char buf[4096];
	bool cut;

	if (mem_read_str(c, addr, buf, sizeof(buf) - 1, &cut) < 0 || cut)
		return false;
	for (int i = 0; i < npaths; i++)
		if (!strcmp(buf, paths[i]))
			return true;
	return false;
}

/* Does descriptor fd (AT_FDCWD: the working directory) refer to one of paths? */
static bool fd_is(struct dctx *c, int fd, const char *const paths[], int npaths)
{
	char buf[4096];
	ssize_t n;

	if (!c->mem || !c->mem->fd_path || (fd < 0 && fd != AT_FDCWD))
		return false;
	n = c->mem->fd_path(c->mem->ctx, fd, buf, sizeof(buf) - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	for (int i = 0; i < npaths; i++)
		if (!strcmp(buf, paths[i]))
			return true;
	return false;
}

bool decode_syscall_touches(long nr, const uint64_t args[6], const struct trace_mem *mem,
			    const char *const paths[], int npaths)
{
	struct sbuf sb;
	struct dctx c;
	char none[1];

	sb_init(&sb, none, sizeof(none));
	dctx_init_for(&c, &sb, nr, args, mem);
	if (!c.ent)
		return false;
	for (int i = 0; i < c.ent->nargs && i < 6; i++) {
		switch (c.ent->args[i]) {
		case A_PATH:
			if (path_is(&c, args[i], paths, npaths))
				return true;
			break;
		case A_FD:
			if (fd_is(&c, (int)args[i], paths, npaths))
				return true;
			break;
		case A_DIRFD:
			if ((int)args[i] != AT_FDCWD && fd_is(&c, (int)args[i], paths, npaths))
				return true;
			break;
		}
	}
	return false;
}
