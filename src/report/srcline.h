/* SPDX-License-Identifier: MIT */
/*
 * Private to src/trace: source file and line of a code address in an
 * ELF file, from its DWARF line information (elfutils' libdw), with
 * the chain of functions inlined at that address.  Used by the
 * backtraces only, from the tracer thread.
 */
#ifndef PTSANDBOX_REPORT_SRCLINE_H
#define PTSANDBOX_REPORT_SRCLINE_H

#include <stdint.h>

/* Inlined calls followed at one address; deeper nests show the innermost. */
#define SRCLINE_MAX 8

struct srcline {
	/*
	 * The inlined function; NULL for the real function the others
	 * were inlined into, the last entry (missing when the DWARF
	 * lacks the call site of the last inlined one).
	 */
	const char *func;
	/* As the compiler recorded it, relative to its build directory. */
	const char *file;
	int line;
};

/*
 * A new backtrace starts: files are checked for change (rebuilt,
 * replaced) once per backtrace rather than once per frame.
 */
void srcline_new_stack(void);

/* What is known of one code address. */
struct srclines {
	int n; /* entries in v; 0: no line information */
	struct srcline v[SRCLINE_MAX];
	/*
	 * The DWARF name of the real function (NULL: unknown), and the
	 * address's offset from its entry: for a frame whose ELF file
	 * names no symbol there (a static function of a stripped
	 * library with its debug file installed).
	 */
	const char *func;
	uint64_t func_off;
};

/*
 * The source positions of the code at byte offset file_off of the ELF
 * file path (as mapped: /proc/PID/maps's path and offset), innermost
 * first: each inlined function at its own line, then the function
 * they were inlined into at the line of the call.  The strings stay
 * valid until the next srcline_lookup() or srcline_new_stack().
 */
void srcline_lookup(const char *path, uint64_t file_off, struct srclines *out);

#endif
