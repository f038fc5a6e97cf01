// SPDX-License-Identifier: MIT
/*
 * -e read=SET, -e write=SET: the data a call read from or wrote to a
 * descriptor of SET, as strace dumps it under the call's line:
 *  | 00000  68 65 6c 6c 6f 0a                                 hello.           |
 * and, for the vector calls, " * N bytes in buffer K" before each part.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/uio.h>

#include "decode.h"
#include "decode_impl.h"

enum io_kind { IO_NONE, IO_BUF, IO_VEC };

/* The family of the call: reading or writing, a buffer or an iovec array. */
static enum io_kind io_kind_of(const char *name, bool *reading)
{
	static const char *const reads[] = {"read", "pread64", "recvfrom", NULL},
				 *const writes[] = {"write", "pwrite64", "sendto", NULL},
				 *const readvs[] = {"readv", "preadv", "preadv2", NULL},
				 *const writevs[] = {"writev", "pwritev", "pwritev2", NULL};
	static const struct {
		const char *const *names;
		bool reading;
		enum io_kind kind;
	} families[] = {{reads, true, IO_BUF},
			{writes, false, IO_BUF},
			{readvs, true, IO_VEC},
			{writevs, false, IO_VEC}};

	for (size_t f = 0; name && f < sizeof(families) / sizeof(families[0]); f++)
		for (int i = 0; families[f].names[i]; i++)
			if (!strcmp(name, families[f].names[i])) {
				*reading = families[f].reading;
				return families[f].kind;
			}
	return IO_NONE;
}

static void dump_line(FILE *f, size_t off, const unsigned char *p, size_t n)
{
	char hex[16 * 3 + 2], text[17];
	size_t h = 0;

	for (size_t i = 0; i < 16; i++) {
		if (i < n)
			h += (size_t)snprintf(hex + h, sizeof(hex) - h, "%02x ", p[i]);
		else
			h += (size_t)snprintf(hex + h, sizeof(hex) - h, "   ");
		if (i == 7)
			hex[h++] = ' ';
		text[i] = i >= n ? ' ' : p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : '.';
	}
	hex[h] = '\0';
	text[16] = '\0';
	fprintf(f, " | %05zx  %s %s |\n", off, hex, text);
}

static void dump_buf(struct dctx *c, FILE *f, uint64_t addr, uint64_t len)
{
	unsigned char chunk[16];

	for (uint64_t off = 0; off < len; off += 16) {
		size_t n = len - off < 16 ? (size_t)(len - off) : 16;

		if (!mem_read_bytes(c, addr + off, chunk, n))
			return;
		dump_line(f, (size_t)off, chunk, n);
	}
}

static void dump_vec(struct dctx *c, FILE *f, uint64_t iov, uint64_t cnt, uint64_t total)
{
	for (uint64_t k = 0; k < cnt && total; k++) {
		struct iovec v;
		uint64_t n;

		if (!mem_read_bytes(c, iov + k * sizeof(v), &v, sizeof(v)))
			return;
		n = v.iov_len < total ? v.iov_len : total;
		total -= n;
		fprintf(f, " * %llu bytes in buffer %llu\n", (unsigned long long)n,
			(unsigned long long)k);
		dump_buf(c, f, (uint64_t)(uintptr_t)v.iov_base, n);
	}
}

static bool fd_in(const uint8_t *set, uint64_t fd)
{
	return set && fd < DECODE_FDSET_MAX && (set[fd / 8] & (1u << (fd % 8)));
}

void decode_dump_io(long nr, const uint64_t args[6], int64_t ret, const struct trace_mem *mem,
		    const uint8_t *read_fds, const uint8_t *write_fds, FILE *f)
{
	struct sbuf sb;
	struct dctx c;
	char none[1];
	bool reading = false;
	enum io_kind kind;

	if (ret <= 0)
		return;
	sb_init(&sb, none, sizeof(none));
	dctx_init_for(&c, &sb, nr, args, mem);
	kind = io_kind_of(c.ent ? c.ent->name : NULL, &reading);
	if (kind == IO_NONE || !fd_in(reading ? read_fds : write_fds, args[0]))
		return;
	if (kind == IO_BUF)
		dump_buf(&c, f, args[1], (uint64_t)ret);
	else
		dump_vec(&c, f, args[1], args[2], (uint64_t)ret);
}
