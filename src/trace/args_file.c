// SPDX-License-Identifier: MIT
/*
 * Argument kinds of file calls: open's flags and mode, statx's flags,
 * mknod's mode and device, fcntl's argument (by command).
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>

#include "decode_impl.h"

/*
 * Names the code below compares with that some supported headers lack;
 * the tables in xlat/ check the same values where the headers have them.
 */
#ifndef F_DUPFD_QUERY
#define F_DUPFD_QUERY 1027
#endif
/* The 32-bit ABI's lock commands; 64-bit glibc's F_*LK64 are F_*LK. */
#define KERNEL_F_GETLK64  12
#define KERNEL_F_SETLK64  13
#define KERNEL_F_SETLKW64 14

/* The access mode is a 2-bit value, the rest are flags. */
void print_open_flags(struct sbuf *sb, uint64_t flags)
{
	size_t mark = const_begin(sb);

	sb_puts(sb, xlat_name(open_accmode, flags & O_ACCMODE));
	print_flags_more(sb, open_flags, flags & ~(uint64_t)O_ACCMODE);
	const_end_hex(sb, mark, flags);
}

bool pr_open_flags(struct dctx *c, int i, const struct argfmt *k)
{
	print_open_flags(c->sb, (uint32_t)dctx_arg(c, i));
	return true;
}

/* The mode only means something when a file may be created. */
bool pr_open_mode(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t flags = dctx_arg(c, i - 1);

	if (!(flags & O_CREAT) && (flags & O_TMPFILE) != O_TMPFILE)
		return false;
	sb_printf(c->sb, "%#03o", (unsigned int)dctx_arg(c, i));
	return true;
}

bool pr_statx_flags(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t flags = (uint32_t)dctx_arg(c, i);

	/*
	 * The sync type field prints even when zero, then the AT_ flags;
	 * strace's -X raw and verbose print them as two numbers ("|0x800"),
	 * and -X raw leaves out a zero sync type before other flags.
	 */
	if (flags & 0x6000 || !(flags & ~0x6000u) || const_style() != CONST_RAW)
		print_flags(c->sb, statx_sync_types, flags & 0x6000, NULL);
	print_flags_more(c->sb, at_flags, flags & ~0x6000u);
	return true;
}

bool pr_mknod_mode(struct dctx *c, int i, const struct argfmt *k)
{
	print_mode_t(c->sb, (unsigned int)dctx_arg(c, i));
	return true;
}

/* The device number only matters for device nodes. */
bool pr_dev(struct dctx *c, int i, const struct argfmt *k)
{
	unsigned int type = (unsigned int)dctx_arg(c, i - 1) & S_IFMT;

	if (type != S_IFCHR && type != S_IFBLK)
		return false;
	print_dev(c->sb, dctx_arg(c, i));
	return true;
}

/* ---- fcntl ---- */

static bool fcntl_is_getlk(uint32_t cmd)
{
	return cmd == F_GETLK || cmd == KERNEL_F_GETLK64 || cmd == F_OFD_GETLK;
}

static bool fcntl_is_setlk(uint32_t cmd)
{
	return cmd == F_SETLK || cmd == F_SETLKW || cmd == KERNEL_F_SETLK64 ||
	       cmd == KERNEL_F_SETLKW64 || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
}

bool fcntl_is_out(const struct dctx *c, int i)
{
	uint32_t cmd = (uint32_t)dctx_arg(c, 1);

	return fcntl_is_getlk(cmd) || cmd == F_GETOWN_EX;
}

/* Commands that take no third argument. */
static bool fcntl_no_arg(uint32_t cmd)
{
	switch (cmd) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		return true;
	}
	return false;
}

static bool fcntl_is_owner_ex(uint32_t cmd)
{
	return cmd == F_GETOWN_EX || cmd == F_SETOWN_EX;
}

bool pr_fcntl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t cmd = (uint32_t)dctx_arg(c, 1);
	uint64_t v = dctx_arg(c, i);

	if (fcntl_no_arg(cmd))
		return false;
	if (fcntl_is_owner_ex(cmd)) {
		print_fcntl_owner_ex(c, v);
		return true;
	}
	if (fcntl_is_getlk(cmd) || fcntl_is_setlk(cmd)) {
		if (fcntl_is_getlk(cmd) && dctx_failed(c))
			sb_ptr(c->sb, v);
		else
			pr_flock(c, v, fcntl_is_getlk(cmd));
		return true;
	}
	switch (cmd) {
	case F_DUPFD:
	case F_SETOWN:
	case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ:
	case F_DUPFD_QUERY:
		sb_printf(c->sb, "%d", (int)v);
		break;
	case F_SETFD:
		print_flags(c->sb, fd_flags, (uint32_t)v, "FD_???");
		break;
	case F_SETFL:
		print_open_flags(c->sb, (uint32_t)v);
		break;
	case F_SETSIG:
		print_signal(c->sb, (int)v);
		break;
	case F_SETLEASE:
		print_xlat(c->sb, lock_types, (uint32_t)v, "F_???");
		break;
	case F_NOTIFY:
		print_flags(c->sb, dnotify_flags, (uint32_t)v, "DN_???");
		break;
	case F_ADD_SEALS:
		print_flags(c->sb, seal_flags, (uint32_t)v, "F_SEAL_???");
		break;
	default:
		sb_printf(c->sb, "%#llx", (unsigned long long)v);
	}
	return true;
}
