// SPDX-License-Identifier: MIT
/*
 * Output buffer, strace's string quoting, and strings read from guest
 * memory.  Quoting follows strace: \n \t \r \f \v \\ \" escapes, other
 * non-printable bytes in octal, short form unless the next byte is an
 * octal digit (so "\0012" reads back unambiguously).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode_impl.h"

#define PAGE 4096u

void sb_init(struct sbuf *sb, char *buf, size_t cap)
{
	sb->buf = buf;
	sb->cap = cap;
	sb->len = 0;
	if (cap)
		buf[0] = '\0';
}

void sb_truncate(struct sbuf *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->buf[len] = '\0';
	}
}

void sb_puts(struct sbuf *sb, const char *s)
{
	size_t n = strlen(s);

	if (!sb->cap)
		return;
	if (n > sb->cap - 1 - sb->len)
		n = sb->cap - 1 - sb->len;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_putc(struct sbuf *sb, char c)
{
	if (sb->len + 1 >= sb->cap)
		return;
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void sb_pad(struct sbuf *sb, size_t n)
{
	if (!sb->cap)
		return;
	if (n > sb->cap - 1 - sb->len)
		n = sb->cap - 1 - sb->len;
	memset(sb->buf + sb->len, ' ', n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

/*
 * Numbers are most of a trace line: these print what "%llu", "%lld" and
 * "%#llx" print, without the cost of parsing a format on every call.
 */
static void put_digits(struct sbuf *sb, const char *prefix, unsigned long long v, unsigned base)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[24];
	char *p = tmp + sizeof(tmp);

	*--p = '\0';
	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	sb_puts(sb, prefix);
	sb_puts(sb, p);
}

void sb_udec(struct sbuf *sb, unsigned long long v)
{
	put_digits(sb, "", v, 10);
}

void sb_dec(struct sbuf *sb, long long v)
{
	/* Negate in unsigned arithmetic: -LLONG_MIN does not fit. */
	if (v < 0)
		put_digits(sb, "-", -(unsigned long long)v, 10);
	else
		put_digits(sb, "", (unsigned long long)v, 10);
}

void sb_hex(struct sbuf *sb, unsigned long long v)
{
	put_digits(sb, v ? "0x" : "", v, 16);
}

void sb_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!sb->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		sb->buf[sb->len] = '\0';
	else if ((size_t)n >= sb->cap - sb->len)
		sb->len = sb->cap - 1; /* vsnprintf already cut and terminated */
	else
		sb->len += (size_t)n;
}

void sb_ptr(struct sbuf *sb, uint64_t addr)
{
	if (addr)
		sb_hex(sb, addr);
	else
		sb_puts(sb, "NULL");
}

static const char *letter_escape(unsigned char ch)
{
	switch (ch) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\t':
		return "\\t";
	case '\r':
		return "\\r";
	case '\f':
		return "\\f";
	case '\v':
		return "\\v";
	}
	return NULL;
}

/* "\\%o", or "\\%03o" if wide: binary data is mostly these. */
static void octal_escape(struct sbuf *sb, unsigned char ch, bool wide)
{
	char esc[5] = {'\\'}, *p = esc + 1;

	if (wide || ch >= 0100)
		*p++ = (char)('0' + (ch >> 6));
	if (wide || ch >= 010)
		*p++ = (char)('0' + ((ch >> 3) & 7));
	*p++ = (char)('0' + (ch & 7));
	*p = '\0';
	sb_puts(sb, esc);
}

static void quote_byte(struct sbuf *sb, const unsigned char *p, size_t left)
{
	const char *esc = letter_escape(*p);

	if (esc)
		sb_puts(sb, esc);
	else if (*p >= 0x20 && *p < 0x7f)
		sb_putc(sb, (char)*p);
	else
		octal_escape(sb, *p, left > 1 && p[1] >= '0' && p[1] <= '7');
}

static void hex_escape(struct sbuf *sb, unsigned char ch)
{
	static const char digits[] = "0123456789abcdef";
	char esc[5] = {'\\', 'x', digits[ch >> 4], digits[ch & 15], '\0'};

	sb_puts(sb, esc);
}

/* -x (1), -xx (2): strace's xflag, for every quoted string. */
static int quote_hex;

void sb_quote_hex(int level)
{
	quote_hex = level;
}

/* -x: a string with a byte outside printable ASCII and \t\n\v\f\r. */
static bool needs_hex(const unsigned char *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if ((p[k] < 0x20 || p[k] > 0x7e) && !(p[k] >= '\t' && p[k] <= '\r'))
			return true;
	return false;
}

void sb_quote(struct sbuf *sb, const void *data, size_t n, bool hex)
{
	const unsigned char *p = data;

	if (quote_hex > 1 || (quote_hex == 1 && needs_hex(p, n)))
		hex = true;

	sb_putc(sb, '"');
	for (size_t k = 0; k < n; k++) {
		if (hex)
			hex_escape(sb, p[k]);
		else
			quote_byte(sb, p + k, n - k);
	}
	sb_putc(sb, '"');
}

void sb_date(struct sbuf *sb, int64_t sec, long nsec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char date[64], zone[16];

	if (!localtime_r(&t, &tm))
		return;
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (nsec)
		sb_printf(sb, "%s.%09ld%s", date, nsec, zone);
	else
		sb_printf(sb, "%s%s", date, zone);
}

void sb_time(struct sbuf *sb, int64_t sec, long nsec)
{
	sb_puts(sb, " /* ");
	sb_date(sb, sec, nsec);
	sb_puts(sb, " */");
}

bool dctx_failed(const struct dctx *c)
{
	return c->ret < 0 && c->ret >= -4095;
}

/* One read, without retrying short reads. */
static ssize_t mem_read_once(const struct dctx *c, uint64_t addr, void *buf, size_t len)
{
	if (!c->mem || !c->mem->read || !addr)
		return -1;
	return c->mem->read(c->mem->ctx, addr, buf, len);
}

bool mem_read_bytes(const struct dctx *c, uint64_t addr, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = mem_read_once(c, addr + got, (char *)buf + got, len - got);

		if (n <= 0)
			return false;
		got += (size_t)n;
	}
	return true;
}

bool mem_read(const struct dctx *c, uint64_t addr, void *buf, size_t len)
{
	return c->verbose && mem_read_bytes(c, addr, buf, len);
}

ssize_t mem_read_str(const struct dctx *c, uint64_t addr, char *buf, size_t max, bool *cut)
{
	size_t got = 0;

	*cut = false;
	while (got <= max) {
		/* Never cross a page: the next one may be unmapped. */
		size_t want = PAGE - (size_t)((addr + got) % PAGE);
		ssize_t n;
		char *nul;

		if (want > max + 1 - got)
			want = max + 1 - got;
		n = mem_read_once(c, addr + got, buf + got, want);
		if (n <= 0)
			return -1; /* no end in sight: strace shows the address */
		nul = memchr(buf + got, '\0', (size_t)n);
		if (nul)
			return nul - buf;
		got += (size_t)n;
	}
	*cut = true;
	return (ssize_t)max;
}

void ptr_array_init(struct ptr_array *a, uint64_t addr)
{
	a->addr = addr;
	a->n = 0;
	a->next = 0;
}

bool ptr_array_next(const struct dctx *c, struct ptr_array *a, uint64_t *p)
{
	/* execve's argv and envp are structures to -e verbose=. */
	if (!c->verbose)
		return false;
	if (a->next == a->n) {
		/* A short read is fine: the array may end just before an unmapped page. */
		ssize_t got = mem_read_once(c, a->addr, a->chunk, sizeof(a->chunk));

		if (got < (ssize_t)sizeof(a->chunk[0]))
			return false;
		a->n = (size_t)got / sizeof(a->chunk[0]);
		a->next = 0;
		a->addr += a->n * sizeof(a->chunk[0]);
	}
	*p = a->chunk[a->next++];
	return true;
}

/*
 * Room for a copy of n guest bytes: small, on the stack, covers -s's
 * default and a path; -s is the user's to choose, so a larger copy is
 * allocated.  Release it with copy_free().
 */
#define COPY_SMALL (PATH_MAX + 1)

static char *copy_buf(char *small, size_t n)
{
	return n <= COPY_SMALL ? small : malloc(n);
}

static void copy_free(char *small, char *data)
{
	if (data != small)
		free(data);
}

void print_buf(struct dctx *c, uint64_t addr, uint64_t len, bool hex)
{
	size_t n = len < c->strsize ? (size_t)len : c->strsize;
	char small[COPY_SMALL], *data;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	/* Even with -s 0, a buffer that cannot be read shows as its address. */
	data = copy_buf(small, n + 1);
	if (!data || (len && !mem_read_bytes(c, addr, data, n ? n : 1))) {
		sb_ptr(c->sb, addr);
	} else {
		sb_quote(c->sb, data, n, hex);
		if (len > n)
			sb_puts(c->sb, "...");
	}
	copy_free(small, data);
}

void print_cstr(struct dctx *c, uint64_t addr, size_t max)
{
	char small[COPY_SMALL], *data;
	bool cut;
	ssize_t n = -1;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	data = copy_buf(small, max + 1);
	if (data)
		n = mem_read_str(c, addr, data, max, &cut);
	if (n < 0) {
		sb_ptr(c->sb, addr);
	} else {
		sb_quote(c->sb, data, (size_t)n, false);
		if (cut)
			sb_puts(c->sb, "...");
	}
	copy_free(small, data);
}

void print_path(struct dctx *c, uint64_t addr)
{
	print_cstr(c, addr, PATH_MAX);
}
