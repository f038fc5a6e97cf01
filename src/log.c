// SPDX-License-Identifier: MIT
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "log.h"

FILE *diag;

void psb_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("ptsandbox: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void psb_perror(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	fputs("ptsandbox: ", stderr);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, ": %s\n", strerror(saved));
	va_end(ap);
	errno = saved;
}

void diag_printf(const char *fmt, ...)
{
	va_list ap;
	FILE *f = diag ? diag : stderr;

	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fflush(f);
}

int diag_open(const char *path, bool append)
{
	FILE *f = fopen(path, append ? "ae" : "we");

	if (!f)
		return -1;
	/* Line-buffered, as strace's -o: whole lines, one write each. */
	setvbuf(f, NULL, _IOLBF, BUFSIZ);
	diag = f;
	return 0;
}
