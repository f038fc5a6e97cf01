// SPDX-License-Identifier: MIT
/*
 * Source lines through libdwfl: the process's modules are reported from
 * /proc/PID/maps, each module's line table answers for an address.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace/srcline.h"

#ifdef HAVE_LIBDW
#include <elfutils/libdwfl.h>

struct srclines {
	Dwfl *dwfl;
};

static char *debuginfo_path;

static const Dwfl_Callbacks callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .debuginfo_path = &debuginfo_path,
};

struct srclines *srclines_open(pid_t pid)
{
	struct srclines *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->dwfl = dwfl_begin(&callbacks);
	if (!s->dwfl || dwfl_linux_proc_report(s->dwfl, pid) != 0 ||
	    dwfl_report_end(s->dwfl, NULL, NULL) != 0) {
		srclines_close(s);
		return NULL;
	}
	return s;
}

bool srclines_find(struct srclines *s, uint64_t ip, char *buf, size_t len)
{
	Dwfl_Module *mod;
	Dwfl_Line *line;
	const char *file, *base;
	Dwarf_Addr bias, at = 0;
	GElf_Off off = 0;
	GElf_Sym sym;
	int lineno = 0;

	if (!s || !(mod = dwfl_addrmodule(s->dwfl, ip)))
		return false;
	/* Only inside a compile unit: crt1's _start would get a neighbour's line. */
	if (!dwfl_module_addrdie(mod, ip, &bias) || !(line = dwfl_module_getsrc(mod, ip)))
		return false;
	file = dwfl_lineinfo(line, &at, &lineno, NULL, NULL, NULL);
	if (!file || lineno <= 0)
		return false;
	/* A line before the function ip is in belongs to another one. */
	if (dwfl_module_addrinfo(mod, ip, &off, &sym, NULL, NULL, NULL) && at < ip - off)
		return false;
	base = strrchr(file, '/');
	snprintf(buf, len, "%s:%d", base ? base + 1 : file, lineno);
	return true;
}

void srclines_close(struct srclines *s)
{
	if (!s)
		return;
	if (s->dwfl)
		dwfl_end(s->dwfl);
	free(s);
}

#else

struct srclines *srclines_open(pid_t pid)
{
	(void)pid;
	return NULL;
}

bool srclines_find(struct srclines *s, uint64_t ip, char *buf, size_t len)
{
	(void)s;
	(void)ip;
	(void)buf;
	(void)len;
	return false;
}

void srclines_close(struct srclines *s)
{
	(void)s;
}

#endif
