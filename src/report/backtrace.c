// SPDX-License-Identifier: MIT
/*
 * Backtraces of ptrace-stopped guest threads with libunwind-ptrace.
 *
 * The unwinding state is made afresh for each backtrace: a new address
 * space, a new _UPT handle and a new copy of /proc/PID/maps, which
 * would go stale when the guest maps libraries or execs a new image
 * (PIE, ASLR).  Source lines come from srcline.c, which keeps each
 * ELF file's DWARF open across backtraces and is asked by file offset,
 * the same in every process that maps the file.
 */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/backtrace.h"
#include "report/remote.h"
#include "report/srcline.h"

/* Deep enough for any real crash; bounds runaway unwinds of a smashed stack. */
#define BT_MAX_DEPTH 64

struct mapping {
	uint64_t start, end, offset;
	char *path;
};

struct maps {
	struct mapping *v;
	size_t n;
};

int remote_open(struct remote *r, pid_t tid)
{
	r->as = unw_create_addr_space(&_UPT_accessors, 0);
	if (!r->as)
		return -1;
	r->upt = _UPT_create(tid);
	if (!r->upt) {
		unw_destroy_addr_space(r->as);
		r->as = NULL;
		return -1;
	}
	return 0;
}

void remote_close(struct remote *r)
{
	if (r->upt)
		_UPT_destroy(r->upt);
	if (r->as)
		unw_destroy_addr_space(r->as);
	r->upt = NULL;
	r->as = NULL;
}

/* -UNW_ENOMEM only means the name was cut to fit buf: still a name. */
static bool name_found(int rc)
{
	return rc == 0 || rc == -UNW_ENOMEM;
}

/*
 * Stripped libraries name only their exported functions (.dynsym), so
 * the nearest symbol below ip may belong to another function: a static
 * one, a .cold part, the PLT.  The unwind info (.eh_frame) knows where
 * the function containing ip starts; a symbol starting before that is
 * not this function's name.
 */
static bool symbol_plausible(uint64_t sym_start, const unw_proc_info_t *pi)
{
	return !pi->start_ip || sym_start >= pi->start_ip;
}

int remote_symbol(struct remote *r, uint64_t ip, char *buf, size_t len, uint64_t *off)
{
	unw_proc_info_t pi;
	unw_word_t o = 0;

	if (!name_found(_UPT_get_proc_name(r->as, ip, buf, len, &o, r->upt)) || !buf[0])
		return -1;
	memset(&pi, 0, sizeof(pi));
	if (_UPT_find_proc_info(r->as, ip, &pi, 0, r->upt) == 0) {
		_UPT_put_unwind_info(r->as, &pi, r->upt);
		if (!symbol_plausible(ip - o, &pi))
			return -1;
	}
	*off = o;
	return 0;
}

static int maps_add(struct maps *m, const struct mapping *new)
{
	struct mapping *v = realloc(m->v, (m->n + 1) * sizeof(*v));

	if (!v)
		return -1;
	m->v = v;
	v[m->n] = *new;
	v[m->n].path = strdup(new->path);
	if (!v[m->n].path)
		return -1;
	m->n++;
	return 0;
}

/* Add one "start-end perms offset dev inode path" line; anonymous ones are skipped. */
static int maps_parse_line(struct maps *m, char *line)
{
	struct mapping new;
	int pos = -1;

	if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %" SCNx64 " %*s %*s %n", &new.start, &new.end,
		   &new.offset, &pos) < 3 ||
	    pos < 0)
		return 0;
	line[strcspn(line, "\n")] = '\0';
	if (!line[pos])
		return 0;
	new.path = line + pos;
	return maps_add(m, &new);
}

static void maps_free(struct maps *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].path);
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/* Read the current mappings of tid: the image after any execve. */
static void maps_load(struct maps *m, pid_t tid)
{
	char path[64], *line = NULL;
	size_t cap = 0;
	FILE *f;

	m->v = NULL;
	m->n = 0;
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return;
	while (getline(&line, &cap, f) > 0)
		if (maps_parse_line(m, line) < 0)
			break;
	free(line);
	fclose(f);
}

static const struct mapping *maps_find(const struct maps *m, uint64_t addr)
{
	for (size_t i = 0; i < m->n; i++)
		if (addr >= m->v[i].start && addr < m->v[i].end)
			return &m->v[i];
	return NULL;
}

/* The frame's function name and offset; false when unknown or doubtful. */
static bool frame_name(unw_cursor_t *cur, char *buf, size_t len, uint64_t *off)
{
	unw_proc_info_t pi;
	unw_word_t o = 0;
	unw_word_t ip = 0;

	if (!name_found(unw_get_proc_name(cur, buf, len, &o)) || !buf[0])
		return false;
	unw_get_reg(cur, UNW_REG_IP, &ip);
	*off = o;
	memset(&pi, 0, sizeof(pi));
	return unw_get_proc_info(cur, &pi) < 0 || symbol_plausible(ip - o, &pi);
}

/*
 * Source lines of the frame at ip (see srcline.h).  Above frame 0 the
 * ip is a return address, which may already lie past the end of a
 * call to a noreturn function (abort), and whose line is the one after
 * the call: the module and the line are looked up at ip - 1, as
 * unw_get_proc_name() already does for the name and gdb for the line.
 * The function's offset is then ip's again.
 */
static void frame_lines(const struct mapping *map, uint64_t ip, bool is_return_addr,
			struct srclines *lines)
{
	uint64_t at = is_return_addr ? ip - 1 : ip;

	lines->n = 0;
	lines->func = NULL;
	if (!map)
		return;
	srcline_lookup(map->path, at - map->start + map->offset, lines);
	lines->func_off += at != ip;
}

/*
 * The frame's function: libunwind's ELF symbol, else the DWARF name
 * where there is line information (a stripped library's static
 * function, named by its debug file).
 */
static bool frame_function(unw_cursor_t *cur, const struct srclines *lines, char *buf, size_t len,
			   uint64_t *off)
{
	if (frame_name(cur, buf, len, off))
		return true;
	if (!lines->func)
		return false;
	snprintf(buf, len, "%s", lines->func);
	*off = lines->func_off;
	return true;
}

/* " at file:line" of the real function: the entry after the inlined ones, if any. */
static void print_at(FILE *out, const struct srclines *lines, int i)
{
	if (i < lines->n)
		fprintf(out, " at %s:%d", lines->v[i].file, lines->v[i].line);
	fputc('\n', out);
}

/*
 * One "#N ip func+0xoff (module) at file:line" line, preceded by one
 * line per function inlined there, as gdb's bt shows them: at the
 * same ip, with no offset (the code is the caller's).  Without a
 * name, the offset into the module's file is given instead, for
 * addr2line.  Returns the number of lines (frame numbers) used.
 */
typedef int frame_printer(FILE *out, const char *indent, int n, unw_cursor_t *cur, uint64_t ip,
			  bool is_return_addr, const struct maps *m);

static int print_frame(FILE *out, const char *indent, int n, unw_cursor_t *cur, uint64_t ip,
		       bool is_return_addr, const struct maps *m)
{
	const struct mapping *map = maps_find(m, is_return_addr ? ip - 1 : ip);
	struct srclines lines;
	char name[256];
	uint64_t off;
	int i;

	frame_lines(map, ip, is_return_addr, &lines);
	for (i = 0; i < lines.n && lines.v[i].func; i++)
		fprintf(out, "%s#%d 0x%016" PRIx64 " %s (%s) at %s:%d\n", indent, n + i, ip,
			lines.v[i].func, map->path, lines.v[i].file, lines.v[i].line);
	fprintf(out, "%s#%d 0x%016" PRIx64, indent, n + i, ip);
	if (frame_function(cur, &lines, name, sizeof(name), &off))
		fprintf(out, " %s+0x%" PRIx64 " (%s)", name, off, map ? map->path : "?");
	else if (map)
		fprintf(out, " ?? (%s+0x%" PRIx64 ")", map->path, ip - map->start + map->offset);
	else
		fprintf(out, " ??");
	print_at(out, &lines, i);
	return i + 1;
}

/*
 * strace -k's frame: module, function and offset, then the offset of
 * ip in the module's file (stable across runs, unlike ip under ASLR);
 * source lines and inlined functions as in print_frame().
 */
static int print_frame_strace(FILE *out, const char *indent, int n, unw_cursor_t *cur, uint64_t ip,
			      bool is_return_addr, const struct maps *m)
{
	const struct mapping *map = maps_find(m, is_return_addr ? ip - 1 : ip);
	struct srclines lines;
	char name[256];
	uint64_t off, file_off;
	int i;

	if (!map) {
		fprintf(out, "%s> ?? [0x%" PRIx64 "]\n", indent, ip);
		return 1;
	}
	frame_lines(map, ip, is_return_addr, &lines);
	file_off = ip - map->start + map->offset;
	for (i = 0; i < lines.n && lines.v[i].func; i++)
		fprintf(out, "%s> %s(%s) [0x%" PRIx64 "] at %s:%d\n", indent, map->path,
			lines.v[i].func, file_off, lines.v[i].file, lines.v[i].line);
	if (frame_function(cur, &lines, name, sizeof(name), &off))
		fprintf(out, "%s> %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]", indent, map->path, name,
			off, file_off);
	else
		fprintf(out, "%s> %s() [0x%" PRIx64 "]", indent, map->path, file_off);
	print_at(out, &lines, i);
	return i + 1;
}

static void unwind(FILE *out, const char *indent, struct remote *r, const struct maps *m,
		   frame_printer *print)
{
	uint64_t prev_ip = 0, prev_sp = 0;
	bool is_return_addr = false;
	unw_cursor_t cur;
	int depth, n = 0, rc;

	rc = unw_init_remote(&cur, r->as, r->upt);
	if (rc < 0) {
		fprintf(out, "%s(no backtrace: %s)\n", indent, unw_strerror(rc));
		return;
	}
	for (depth = 0; depth < BT_MAX_DEPTH; depth++) {
		unw_word_t ip = 0, sp = 0;

		unw_get_reg(&cur, UNW_REG_IP, &ip);
		unw_get_reg(&cur, UNW_REG_SP, &sp);
		/*
		 * Above frame 0 a zero ip ends the chain (frame 0 may have
		 * jumped to NULL); a repeated frame would loop forever.
		 */
		if (depth && (!ip || (ip == prev_ip && sp == prev_sp)))
			return;
		n += print(out, indent, n, &cur, ip, is_return_addr, m);
		/* The frame after a signal frame resumes at ip itself. */
		is_return_addr = unw_is_signal_frame(&cur) <= 0;
		prev_ip = ip;
		prev_sp = sp;
		if (unw_step(&cur) <= 0)
			return;
	}
	fprintf(out, "%s... (more frames not shown)\n", indent);
}

static void backtrace_with(FILE *out, pid_t tid, const char *indent, frame_printer *print)
{
	struct remote r;
	struct maps m;

	if (remote_open(&r, tid) < 0) {
		fprintf(out, "%s(no backtrace: libunwind setup failed)\n", indent);
		return;
	}
	maps_load(&m, tid);
	srcline_new_stack();
	unwind(out, indent, &r, &m, print);
	maps_free(&m);
	remote_close(&r);
}

void backtrace_print(FILE *out, pid_t tid, const char *indent)
{
	backtrace_with(out, tid, indent, print_frame);
}

void backtrace_print_strace(FILE *out, pid_t tid)
{
	backtrace_with(out, tid, " ", print_frame_strace);
}
