// SPDX-License-Identifier: MIT
/*
 * -X raw|abbrev|verbose: how a symbolic constant is printed.  Every
 * printer renders the name ("O_RDONLY|O_CLOEXEC") between const_begin()
 * and const_end(); under raw or verbose const_end() replaces it with
 * strace's "0x80000" or "0x80000 /\* O_RDONLY|O_CLOEXEC *\/".  Regions
 * nest: a printer built from others (open's access mode and flags) is one
 * constant, so only the outermost region is rewritten.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "decode_impl.h"

static int style = CONST_ABBREV;
/* The decoder runs in the tracer thread, but -X is global: keep nesting per thread. */
static _Thread_local int depth;

void const_set_style(int s)
{
	style = s;
}

int const_style(void)
{
	return style;
}

size_t const_begin(struct sbuf *sb)
{
	depth++;
	return sb->len;
}

void const_end(struct sbuf *sb, size_t mark, const char *num)
{
	size_t k = strlen(num);
	char *name;

	if (--depth || style == CONST_ABBREV || mark > sb->len)
		return;
	/* No name, or only strace's "0x5 /\* SEEK_??? *\/": as abbrev prints it. */
	if (style == CONST_VERBOSE && !strncmp(sb->buf + mark, num, k) &&
	    (!sb->buf[mark + k] || !strncmp(sb->buf + mark + k, " /* ", 4)))
		return;
	if (style == CONST_RAW) {
		sb_truncate(sb, mark);
		sb_puts(sb, num);
		return;
	}
	/* A capability set's names run to a kilobyte: no fixed buffer. */
	name = strdup(sb->buf + mark);
	if (!name)
		return;
	sb_truncate(sb, mark);
	sb_puts(sb, num);
	sb_puts(sb, " /* ");
	sb_puts(sb, name);
	sb_puts(sb, " */");
	free(name);
}

void const_end_keep(void)
{
	depth--;
}

void const_end_hex(struct sbuf *sb, size_t mark, uint64_t val)
{
	char num[24];

	snprintf(num, sizeof(num), val ? "%#llx" : "0", (unsigned long long)val);
	const_end(sb, mark, num);
}

void const_end_dec(struct sbuf *sb, size_t mark, long long val)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", val);
	const_end(sb, mark, num);
}
