// SPDX-License-Identifier: MIT
/*
 * File structures, as strace prints them: stat, statx, statfs, a
 * pipe's descriptors, directory entries, fcntl's flock and f_owner_ex.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "decode_impl.h"

/* ---- files ---- */

/* ", st_atime=1796532530 /\* 2026-12-06T04:48:50.002463296+0000 *\/, st_atime_nsec=2463296" */
static void print_stat_time(struct sbuf *sb, const char *name, const struct timespec *ts)
{
	sb_printf(sb, ", %s=%lld", name, (long long)ts->tv_sec);
	sb_time(sb, ts->tv_sec, ts->tv_nsec);
	sb_printf(sb, ", %s_nsec=%ld", name, ts->tv_nsec);
}

/* -v: every field, in strace's order. */
static void print_stat_full(struct dctx *c, const struct stat *st)
{
	unsigned int type = st->st_mode & S_IFMT;

	sb_puts(c->sb, "{st_dev=");
	print_dev(c->sb, st->st_dev);
	sb_printf(c->sb, ", st_ino=%llu, st_mode=", (unsigned long long)st->st_ino);
	print_mode_t(c->sb, st->st_mode);
	sb_printf(c->sb, ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%lld, st_blocks=%lld",
		  (unsigned long long)st->st_nlink, st->st_uid, st->st_gid,
		  (long long)st->st_blksize, (long long)st->st_blocks);
	if (type == S_IFCHR || type == S_IFBLK) {
		sb_puts(c->sb, ", st_rdev=");
		print_dev(c->sb, st->st_rdev);
	} else {
		sb_printf(c->sb, ", st_size=%lld", (long long)st->st_size);
	}
	print_stat_time(c->sb, "st_atime", &st->st_atim);
	print_stat_time(c->sb, "st_mtime", &st->st_mtim);
	print_stat_time(c->sb, "st_ctime", &st->st_ctim);
	sb_putc(c->sb, '}');
}

bool pr_stat(struct dctx *c, int i, const struct argfmt *k)
{
	struct stat st;
	unsigned int type;

	if (!fetch_arg(c, i, &st, sizeof(st)))
		return true;
	if (!c->abbrev) {
		print_stat_full(c, &st);
		return true;
	}
	sb_puts(c->sb, "{st_mode=");
	print_mode_t(c->sb, st.st_mode);
	type = st.st_mode & S_IFMT;
	if (type == S_IFCHR || type == S_IFBLK) {
		sb_puts(c->sb, ", st_rdev=");
		print_dev(c->sb, st.st_rdev);
	} else {
		sb_printf(c->sb, ", st_size=%lld", (long long)st.st_size);
	}
	sb_puts(c->sb, ", ...}");
	return true;
}

#include "xlat/statx_attrs.h"

static void print_statx_time(struct sbuf *sb, const char *name, const struct statx_timestamp *t)
{
	sb_printf(sb, ", %s={tv_sec=%lld, tv_nsec=%u}", name, (long long)t->tv_sec, t->tv_nsec);
	sb_time(sb, t->tv_sec, (long)t->tv_nsec);
}

/* -v: every field, in strace's order. */
static void print_statx_full(struct dctx *c, const struct statx *stx)
{
	sb_puts(c->sb, "{stx_mask=");
	print_flags(c->sb, statx_masks, stx->stx_mask, NULL);
	sb_printf(c->sb, ", stx_blksize=%u, stx_attributes=", stx->stx_blksize);
	print_flags(c->sb, statx_attrs, stx->stx_attributes, NULL);
	sb_printf(c->sb, ", stx_nlink=%u, stx_uid=%u, stx_gid=%u, stx_mode=", stx->stx_nlink,
		  stx->stx_uid, stx->stx_gid);
	print_mode_t(c->sb, stx->stx_mode);
	sb_printf(c->sb, ", stx_ino=%llu, stx_size=%llu, stx_blocks=%llu, stx_attributes_mask=",
		  (unsigned long long)stx->stx_ino, (unsigned long long)stx->stx_size,
		  (unsigned long long)stx->stx_blocks);
	print_flags(c->sb, statx_attrs, stx->stx_attributes_mask, NULL);
	print_statx_time(c->sb, "stx_atime", &stx->stx_atime);
	if (stx->stx_mask & STATX_BTIME)
		print_statx_time(c->sb, "stx_btime", &stx->stx_btime);
	print_statx_time(c->sb, "stx_ctime", &stx->stx_ctime);
	print_statx_time(c->sb, "stx_mtime", &stx->stx_mtime);
	sb_printf(c->sb,
		  ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
		  stx->stx_rdev_major, stx->stx_rdev_minor, stx->stx_dev_major, stx->stx_dev_minor);
	if (stx->stx_mask & STATX_MNT_ID) {
		sb_puts(c->sb, ", stx_mnt_id=");
		sb_hex(c->sb, stx->stx_mnt_id);
	}
	sb_putc(c->sb, '}');
}

bool pr_statx(struct dctx *c, int i, const struct argfmt *k)
{
	struct statx stx;

	if (!fetch_arg(c, i, &stx, sizeof(stx)))
		return true;
	if (!c->abbrev) {
		print_statx_full(c, &stx);
		return true;
	}
	sb_puts(c->sb, "{stx_mask=");
	print_flags(c->sb, statx_masks, stx.stx_mask, NULL);
	sb_puts(c->sb, ", stx_attributes=");
	print_flags(c->sb, statx_attrs, stx.stx_attributes, NULL);
	sb_puts(c->sb, ", stx_mode=");
	print_mode_t(c->sb, stx.stx_mode);
	sb_printf(c->sb, ", stx_size=%llu, ...}", (unsigned long long)stx.stx_size);
	return true;
}

/* "[3, 4]": an array like any other, so -s cuts it too. */
bool pr_pipefds(struct dctx *c, int i, const struct argfmt *k)
{
	int fds[2];

	if (!fetch_arg(c, i, fds, sizeof(fds)))
		return true;
	sb_putc(c->sb, '[');
	for (unsigned int n = 0; n < 2; n++) {
		if (n)
			sb_puts(c->sb, ", ");
		if (n >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		print_fd(c, fds[n]);
	}
	sb_putc(c->sb, ']');
	return true;
}

static const struct xlat dirent_types[] = {XLAT(DT_UNKNOWN), XLAT(DT_FIFO), XLAT(DT_CHR),
					   XLAT(DT_DIR),     XLAT(DT_BLK),  XLAT(DT_REG),
					   XLAT(DT_LNK),     XLAT(DT_SOCK), XLAT_END};

/* -v: getdents64's entries, every one, as strace prints them. */
static void print_dirents64(struct dctx *c, const unsigned char *buf, size_t len)
{
	size_t n = 0;

	sb_putc(c->sb, '[');
	for (size_t off = 0; off + 19 <= len; n++) {
		uint64_t ino;
		int64_t doff;
		uint16_t reclen;
		const char *name = (const char *)buf + off + 19;

		memcpy(&ino, buf + off, 8);
		memcpy(&doff, buf + off + 8, 8);
		memcpy(&reclen, buf + off + 16, 2);
		if (reclen < 19 || off + reclen > len)
			break;
		if (n)
			sb_puts(c->sb, ", ");
		sb_printf(c->sb,
			  "{d_ino=%llu, d_off=%lld, d_reclen=%u, d_type=", (unsigned long long)ino,
			  (long long)doff, reclen);
		print_xlat(c->sb, dirent_types, buf[off + 18], "DT_???");
		sb_puts(c->sb, ", d_name=");
		sb_quote(c->sb, name, strnlen(name, reclen - 19), false);
		sb_putc(c->sb, '}');
		off += reclen;
	}
	sb_putc(c->sb, ']');
}

/* getdents: the entries themselves are noise; strace counts them (unless -v). */
bool pr_dirents(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i];
	size_t len = c->ret > 0 ? (size_t)c->ret : 0, n = 0, mark = c->sb->len;
	unsigned char *buf;

	sb_ptr(c->sb, addr);
	if (dctx_failed(c) || len > (1u << 20))
		return true;
	buf = malloc(len ? len : 1);
	if (!buf || !mem_read(c, addr, buf, len)) {
		free(buf);
		return true;
	}
	if (!c->abbrev && c->ent && !strcmp(c->ent->name, "getdents64")) {
		sb_truncate(c->sb, mark);
		print_dirents64(c, buf, len);
		free(buf);
		return true;
	}
	/* d_reclen sits at offset 16 in both linux_dirent and linux_dirent64. */
	for (size_t off = 0; off + 18 <= len; n++) {
		uint16_t reclen;

		memcpy(&reclen, buf + off + 16, sizeof(reclen));
		if (!reclen)
			break;
		off += reclen;
	}
	free(buf);
	sb_printf(c->sb, " /* %zu entries */", n);
	return true;
}

static const struct xlat owner_types[] = {XLAT(F_OWNER_TID), XLAT(F_OWNER_PID), XLAT(F_OWNER_PGRP),
					  XLAT_END};

/* {type=F_OWNER_TID, pid=0}; F_GETOWN_EX's only after it succeeded. */
void print_fcntl_owner_ex(struct dctx *c, uint64_t addr)
{
	struct f_owner_ex o;

	if ((c->exiting && dctx_failed(c)) || !mem_read(c, addr, &o, sizeof(o))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{type=");
	print_xlat(c->sb, owner_types, (uint32_t)o.type, "F_OWNER_???");
	sb_printf(c->sb, ", pid=%d}", (int)o.pid);
}

bool pr_flock(struct dctx *c, uint64_t addr, bool with_pid)
{
	struct flock fl;

	if (!fetch_struct(c, addr, false, &fl, sizeof(fl)))
		return true;
	sb_puts(c->sb, "{l_type=");
	print_xlat(c->sb, lock_types, (uint16_t)fl.l_type, "F_???");
	sb_puts(c->sb, ", l_whence=");
	print_xlat(c->sb, seek_whences, (uint16_t)fl.l_whence, "SEEK_???");
	sb_printf(c->sb, ", l_start=%lld, l_len=%lld", (long long)fl.l_start, (long long)fl.l_len);
	if (with_pid)
		sb_printf(c->sb, ", l_pid=%d", (int)fl.l_pid);
	sb_putc(c->sb, '}');
	return true;
}

/* ---- statfs ---- */

#include "xlat/fs_magics.h"
#include "xlat/statfs_flags.h"

bool pr_statfs(struct dctx *c, int i, const struct argfmt *k)
{
	struct statfs s;
	unsigned int fsid[2];

	if (!fetch_arg(c, i, &s, sizeof(s)))
		return true;
	memcpy(fsid, &s.f_fsid, sizeof(fsid));
	sb_puts(c->sb, "{f_type=");
	print_xlat(c->sb, fs_magics, (uint64_t)s.f_type, NULL);
	sb_printf(c->sb,
		  ", f_bsize=%lld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, "
		  "f_files=%llu, f_ffree=%llu, f_fsid={val=[%#x, %#x]}, f_namelen=%lld, "
		  "f_frsize=%lld, f_flags=",
		  (long long)s.f_bsize, (unsigned long long)s.f_blocks,
		  (unsigned long long)s.f_bfree, (unsigned long long)s.f_bavail,
		  (unsigned long long)s.f_files, (unsigned long long)s.f_ffree, fsid[0], fsid[1],
		  (long long)s.f_namelen, (long long)s.f_frsize);
	print_flags(c->sb, statfs_flags, (uint64_t)s.f_flags, NULL);
	sb_putc(c->sb, '}');
	return true;
}
