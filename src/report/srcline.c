// SPDX-License-Identifier: MIT
/*
 * Source lines for backtraces: DWARF line tables and inlined-call
 * scopes read with elfutils' libdwfl/libdw.
 *
 * One Dwfl per ELF file, reported at its own link-time addresses and
 * kept across backtraces: a -k trace asks for thousands of stacks, and
 * opening an ELF file, finding its separate debug file (build-id or
 * .gnu_debuglink under /usr/lib/debug) and parsing its line tables
 * costs far more than a lookup.  The cache is keyed by the file, not
 * by the process, so an exec or a fork that maps the same libraries
 * reuses them; a file is checked against its identity (device, inode,
 * size, mtime) once per backtrace, which catches one rebuilt or
 * replaced between two stacks.  Addresses come in as offsets into the
 * file, which the program headers turn into link-time addresses: the
 * same for every process whatever its load address (PIE, ASLR).
 */
#include "config.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report/srcline.h"

/* Distinct files kept open; a large exec-heavy run evicts the least recently used. */
#define CACHE_MAX 64
/* PT_LOAD segments remembered per file; real files have 2 to 5. */
#define LOADS_MAX 8

struct load {
	uint64_t offset, filesz, vaddr;
};

struct module {
	char *path;
	struct stat st;	    /* identity when opened */
	unsigned checked;   /* stack generation of the last identity check */
	unsigned long used; /* for eviction */
	Dwfl *dwfl;	    /* NULL: not ELF, or no line information */
	Dwfl_Module *mod;
	Dwarf_Addr bias; /* link-time address + bias = address in mod */
	struct load loads[LOADS_MAX];
	int nloads;
};

/*
 * Answers by (module, file offset): a trace asks about the same few
 * hundred call sites again and again, and walking a CU's scopes for
 * the inlined calls is most of a lookup's cost.  Direct-mapped; an
 * entry is dropped with its module.
 */
#define ANSWERS_BITS 10
#define ANSWERS	     (1 << ANSWERS_BITS)

struct answer {
	const struct module *m; /* NULL: empty */
	uint64_t off;
	struct srclines lines;
};

static struct answer answers[ANSWERS];

static struct {
	struct module v[CACHE_MAX];
	int n;
	unsigned generation;
	unsigned long clock;
} cache = {.generation = 1};

/*
 * The standard search for separate debug files: next to the file, in
 * its .debug directory and under /usr/lib/debug (by build-id first).
 */
static char *debuginfo_path;
static const Dwfl_Callbacks callbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
    .debuginfo_path = &debuginfo_path,
};

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static void module_close(struct module *m)
{
	for (int i = 0; i < ANSWERS; i++)
		if (answers[i].m == m)
			answers[i].m = NULL;
	if (m->dwfl)
		dwfl_end(m->dwfl);
	free(m->path);
	memset(m, 0, sizeof(*m));
}

static int read_loads(struct module *m)
{
	Elf *elf = dwfl_module_getelf(m->mod, &m->bias);
	size_t n;

	if (!elf || elf_getphdrnum(elf, &n) < 0)
		return -1;
	for (size_t i = 0; i < n && m->nloads < LOADS_MAX; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD)
			continue;
		m->loads[m->nloads++] = (struct load){ph.p_offset, ph.p_filesz, ph.p_vaddr};
	}
	return m->nloads ? 0 : -1;
}

/*
 * Report path alone at its link-time addresses (base 0 plus p_vaddr):
 * for a PIE or a shared library that is where its DWARF says it is.
 * A file without DWARF (stripped, no debug file found) is kept as a
 * miss so that later stacks do not search for it again.
 */
static void module_open(struct module *m)
{
	Dwarf_Addr dbias;

	m->dwfl = dwfl_begin(&callbacks);
	if (!m->dwfl)
		return;
	dwfl_report_begin(m->dwfl);
	m->mod = dwfl_report_elf(m->dwfl, m->path, m->path, -1, 0, true);
	dwfl_report_end(m->dwfl, NULL, NULL);
	if (!m->mod || read_loads(m) < 0 || !dwfl_module_getdwarf(m->mod, &dbias)) {
		dwfl_end(m->dwfl);
		m->dwfl = NULL;
		m->mod = NULL;
	}
}

static struct module *cache_slot(void)
{
	struct module *lru;

	if (cache.n < CACHE_MAX)
		return &cache.v[cache.n++];
	lru = &cache.v[0];
	for (int i = 1; i < cache.n; i++)
		if (cache.v[i].used < lru->used)
			lru = &cache.v[i];
	module_close(lru);
	return lru;
}

static struct module *cache_find(const char *path)
{
	for (int i = 0; i < cache.n; i++)
		if (cache.v[i].path && !strcmp(cache.v[i].path, path))
			return &cache.v[i];
	return NULL;
}

/* The open module of path, checked once per stack; NULL without line information. */
static struct module *module_get(const char *path)
{
	struct module *m = cache_find(path);
	struct stat st;

	if (m && m->checked == cache.generation)
		goto out;
	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return NULL;
	if (m && !same_file(&m->st, &st)) {
		module_close(m);
		m->path = strdup(path);
		if (!m->path)
			return NULL;
	}
	if (!m) {
		m = cache_slot();
		m->path = strdup(path);
		if (!m->path)
			return NULL;
	}
	if (!m->checked)
		module_open(m);
	m->st = st;
	m->checked = cache.generation;
out:
	m->used = ++cache.clock;
	return m->dwfl ? m : NULL;
}

/* The file offset as an address in mod: through the PT_LOAD holding it. */
static bool file_to_addr(const struct module *m, uint64_t off, Dwarf_Addr *addr)
{
	for (int i = 0; i < m->nloads; i++) {
		const struct load *l = &m->loads[i];

		if (off >= l->offset && off - l->offset < l->filesz) {
			*addr = off - l->offset + l->vaddr + m->bias;
			return true;
		}
	}
	return false;
}

/*
 * gdb's default "filename-display relative": the name the compiler
 * was given, which libdw has joined to the build directory.
 */
static const char *display_name(Dwarf_Die *cu, const char *file)
{
	Dwarf_Attribute at;
	const char *dir = dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &at));
	size_t n = dir ? strlen(dir) : 0;

	if (n && !strncmp(file, dir, n) && file[n] == '/')
		return file + n + 1;
	return file;
}

/* DW_AT_call_file/DW_AT_call_line of an inlined call: the caller's position. */
static bool call_site(Dwarf_Die *inl, struct srcline *s)
{
	Dwarf_Attribute at;
	Dwarf_Word idx, line;
	Dwarf_Files *files;
	Dwarf_Die cu;
	size_t nfiles;
	const char *file;

	if (dwarf_formudata(dwarf_attr(inl, DW_AT_call_file, &at), &idx) < 0 ||
	    dwarf_formudata(dwarf_attr(inl, DW_AT_call_line, &at), &line) < 0 || !line ||
	    !dwarf_diecu(inl, &cu, NULL, NULL) || dwarf_getsrcfiles(&cu, &files, &nfiles) < 0 ||
	    idx >= nfiles)
		return false;
	file = dwarf_filesrc(files, idx, NULL, NULL);
	if (!file)
		return false;
	s->func = NULL;
	s->file = display_name(&cu, file);
	s->line = (int)line;
	return true;
}

/* The subprogram's name, and addr's offset from its entry. */
static void name_function(Dwarf_Die *fn, Dwarf_Addr addr, struct srclines *out)
{
	Dwarf_Attribute at;
	Dwarf_Addr entry;

	out->func = dwarf_formstring(dwarf_attr_integrate(fn, DW_AT_name, &at));
	if (out->func && dwarf_entrypc(fn, &entry) == 0 && addr >= entry)
		out->func_off = addr - entry;
	else
		out->func = NULL;
}

/* Name the innermost entry by the inlined call inl, and add its call site. */
static bool add_call(Dwarf_Die *inl, struct srclines *out)
{
	struct srcline *v = out->v;
	Dwarf_Attribute at;

	v[out->n - 1].func = dwarf_formstring(dwarf_attr_integrate(inl, DW_AT_name, &at));
	if (!v[out->n - 1].func)
		v[out->n - 1].func = "??";
	if (!call_site(inl, &v[out->n]))
		return false;
	out->n++;
	return true;
}

/*
 * Name each inlined call around addr, innermost first, and add its
 * call site as the next entry; the first concrete subprogram ends the
 * chain.  dwarf_getscopes() follows an inlined call into its abstract
 * definition, so the scopes outside each inlined call are asked for
 * anew, those of the concrete tree holding the call.
 */
static void add_inlined(Dwarf_Die *cu, Dwarf_Addr addr, struct srclines *out)
{
	Dwarf_Die *scopes = NULL, *outer;
	int nscopes = dwarf_getscopes(cu, addr, &scopes);

	for (int i = 0; i < nscopes; i++) {
		int tag = dwarf_tag(&scopes[i]);

		if (tag == DW_TAG_subprogram) {
			name_function(&scopes[i], addr, out);
			break;
		}
		if (tag != DW_TAG_inlined_subroutine)
			continue;
		if (out->n == SRCLINE_MAX || !add_call(&scopes[i], out))
			break;
		/* [0] is the inlined call itself: the loop goes on at [1]. */
		nscopes = dwarf_getscopes_die(&scopes[i], &outer);
		free(scopes);
		scopes = outer;
		i = 0;
	}
	free(scopes);
}

static bool end_of_sequence(Dwarf_Line *line)
{
	bool end = false;

	return dwarf_lineendsequence(line, &end) == 0 && end;
}

void srcline_new_stack(void)
{
	cache.generation++;
}

static void lookup(struct module *m, uint64_t file_off, struct srclines *out)
{
	Dwarf_Addr addr, bias;
	Dwarf_Line *line;
	Dwarf_Die *cu;
	const char *file;
	int lineno;

	out->n = 0;
	out->func = NULL;
	if (!file_to_addr(m, file_off, &addr))
		return;
	/*
	 * libdwfl answers with the CU starting nearest below addr, and
	 * libdw with the last row at or below it: code past the end of
	 * a CU (crt1.o's _start after main, both without DWARF of their
	 * own) would borrow the line before it.
	 */
	cu = dwfl_module_addrdie(m->mod, addr, &bias);
	if (!cu || dwarf_haspc(cu, addr - bias) <= 0)
		return;
	addr -= bias;
	line = dwarf_getsrc_die(cu, addr);
	if (!line || dwarf_lineno(line, &lineno) < 0 || lineno <= 0 || end_of_sequence(line))
		return;
	file = dwarf_linesrc(line, NULL, NULL);
	if (!file)
		return;
	out->v[0] = (struct srcline){NULL, display_name(cu, file), lineno};
	out->n = 1;
	add_inlined(cu, addr, out);
}

static struct answer *answer_slot(const struct module *m, uint64_t off)
{
	uint64_t h = (off ^ (uint64_t)(uintptr_t)m) * 0x9e3779b97f4a7c15ull;

	return &answers[h >> (64 - ANSWERS_BITS)];
}

void srcline_lookup(const char *path, uint64_t file_off, struct srclines *out)
{
	struct module *m = module_get(path);
	struct answer *a;

	if (!m) {
		out->n = 0;
		out->func = NULL;
		return;
	}
	a = answer_slot(m, file_off);
	if (a->m != m || a->off != file_off) {
		a->m = m;
		a->off = file_off;
		lookup(m, file_off, &a->lines);
	}
	*out = a->lines;
}
