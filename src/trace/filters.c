// SPDX-License-Identifier: MIT
/*
 * --trace's -e qualifiers: which calls are traced and shown, which
 * signals, and how calls are decoded.  Parsed once by tracing_init()
 * (trace/session.c); asked by the line printers at every call.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/ptrace.h>

#include "log.h"
#include "options.h"
#include "seccomp_filter.h"
#include "trace/decode.h"
#include "trace/filters.h"
#include "trace/guest_view.h"

static struct {
	struct sysset set;     /* -e trace= */
	uint8_t signals[8];    /* -e signal=: bit sig-1 set if its lines are shown */
	unsigned int status;   /* -e status=, -z, -Z: STATUS_*; 0: all */
	const char *paths[32]; /* -P: each path, and its real path if different */
	int npaths;
	char *real_paths[16]; /* the real paths above, to free */
	int nreal;
	uint8_t *read_fds, *write_fds; /* -e read=, -e write=: DECODE_FDSET_MAX bits */
	struct sysset raw;	       /* -e raw= */
	struct sysset abbrev;	       /* -e abbrev=, -v */
	struct sysset verbose;	       /* -e verbose= */
	struct decode_opts dopts;
} fl;

static void sysset_union(struct sysset *into, const struct sysset *from)
{
	if (from->all)
		into->all = true;
	for (long nr = 0; nr < SYSSET_MAX; nr++)
		if (sysset_has(from, nr))
			sysset_add(into, nr);
}

/* A trace=SET expression into set: 0, or -1 after printing why. */
static int parse_sysset(const char *expr, struct sysset *set)
{
	char err[256];

	if (trace_set_parse(expr, set, err, sizeof(err)) < 0) {
		psb_error("%s", err);
		return -1;
	}
	return 0;
}

/*
 * -e signal=SET, -e read=SET, -e write=SET into bits (nbits of them):
 * items that item() turns into a bit number (-1: not one; what names
 * them in the error), "all", "none"; a leading "!" negates.  0, or -1
 * after printing why.
 */
static int parse_bitset(const char *set, uint8_t *bits, int nbits, int (*item)(const char *tok),
			const char *what)
{
	bool neg = *set == '!';
	char *copy, *tok, *save = NULL;
	int rc = 0;

	memset(bits, 0, (size_t)nbits / 8);
	copy = strdup(neg ? set + 1 : set);
	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int bit;

		if (!strcmp(tok, "all")) {
			memset(bits, 0xff, (size_t)nbits / 8);
			continue;
		}
		if (!strcmp(tok, "none"))
			continue;
		bit = item(tok);
		if (bit < 0 || bit >= nbits) {
			psb_error("invalid %s '%s'", what, tok);
			rc = -1;
			break;
		}
		bits[bit / 8] |= (uint8_t)(1u << (bit % 8));
	}
	free(copy);
	if (neg)
		for (int i = 0; i < nbits / 8; i++)
			bits[i] = (uint8_t)~bits[i];
	return rc;
}

/* A signal's bit: names or numbers, 1-64. */
static int signal_bit(const char *tok)
{
	int sig = signal_parse(tok);

	return sig < 1 ? -1 : sig - 1;
}

/* A descriptor's bit: a number. */
static int fd_bit(const char *tok)
{
	char *end;
	long fd = strtol(tok, &end, 10);

	return !*tok || *end || fd < 0 || fd >= DECODE_FDSET_MAX ? -1 : (int)fd;
}

/* -e read=SET, -e write=SET into *out. */
static int parse_fds(const char *set, uint8_t **out)
{
	uint8_t *bits = malloc(DECODE_FDSET_MAX / 8);

	if (!bits)
		return -1;
	if (parse_bitset(set, bits, DECODE_FDSET_MAX, fd_bit, "descriptor") < 0) {
		free(bits);
		return -1;
	}
	*out = bits;
	return 0;
}

/*
 * -P PATH: the path as given, and where it leads if that differs
 * (strace says so on stderr), since descriptors show the real path.
 */
static void resolve_paths(const struct options *o)
{
	fl.npaths = 0;
	for (int i = 0; i < o->st.npaths; i++) {
		char *real = realpath(o->st.paths[i], NULL);

		fl.paths[fl.npaths++] = o->st.paths[i];
		if (!real)
			continue;
		if (strcmp(real, o->st.paths[i])) {
			psb_error("Requested path \"%s\" resolved into \"%s\"", o->st.paths[i],
				  real);
			fl.paths[fl.npaths++] = real;
			fl.real_paths[fl.nreal++] = real;
		} else {
			free(real);
		}
	}
}

int filters_init_shown(const struct options *o, struct sysset *filter)
{
	sysset_clear(&fl.set);
	if (parse_sysset(o->trace, &fl.set) < 0)
		return -1;
	resolve_paths(o);
	memset(fl.signals, 0xff, sizeof(fl.signals));
	if (o->st.signals &&
	    parse_bitset(o->st.signals, fl.signals, 64, signal_bit, "signal name") < 0)
		return -1;
	fl.status = o->st.status;
	sysset_union(filter, &fl.set);
	return 0;
}

int filters_init_decoding(const struct options *o)
{
	if ((o->st.read_fds && parse_fds(o->st.read_fds, &fl.read_fds) < 0) ||
	    (o->st.write_fds && parse_fds(o->st.write_fds, &fl.write_fds) < 0))
		return -1;
	fl.dopts.strsize = o->strsize;
	fl.dopts.align = o->st.align ? o->st.align : 1;
	fl.dopts.decode_fds = o->st.decode_fds;
	if (o->st.raw) {
		if (parse_sysset(o->st.raw, &fl.raw) < 0)
			return -1;
		fl.dopts.raw = &fl.raw;
	}
	if (o->st.abbrev) {
		if (parse_sysset(o->st.abbrev, &fl.abbrev) < 0)
			return -1;
		fl.dopts.abbrev = &fl.abbrev;
	}
	if (o->st.verbose) {
		if (parse_sysset(o->st.verbose, &fl.verbose) < 0)
			return -1;
		fl.dopts.verbose = &fl.verbose;
	}
	decode_set_hex_strings(o->st.hex);
	decode_set_const_style(o->st.const_style);
	guest_view_init(o->st.decode_fds);
	return 0;
}

/*
 * Without tracing the qualifiers do nothing, but a bad one is still a
 * usage error, as strace rejects it: parsed into scratch and dropped.
 */
int filters_check(const struct options *o)
{
	uint8_t signals[8], *fds = NULL;
	struct sysset scratch;
	const char *sets[] = {o->st.raw, o->st.abbrev, o->st.verbose};
	int rc = -1;

	if (o->st.signals &&
	    parse_bitset(o->st.signals, signals, 64, signal_bit, "signal name") < 0)
		return -1;
	if (o->st.read_fds && parse_fds(o->st.read_fds, &fds) < 0)
		goto out;
	free(fds);
	fds = NULL;
	if (o->st.write_fds && parse_fds(o->st.write_fds, &fds) < 0)
		goto out;
	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		if (sets[i] && parse_sysset(sets[i], &scratch) < 0)
			goto out;
	rc = 0;
out:
	free(fds);
	return rc;
}

void filters_finish(void)
{
	while (fl.nreal > 0)
		free(fl.real_paths[--fl.nreal]);
	free(fl.read_fds);
	free(fl.write_fds);
	fl.read_fds = fl.write_fds = NULL;
}

bool filters_traced(long nr)
{
	return sysset_has(&fl.set, nr);
}

bool filters_paths_match(pid_t tid, const struct ptrace_syscall_info *info)
{
	const struct trace_mem mem = guest_view(tid);
	uint64_t args[6];

	if (!fl.npaths)
		return true;
	/* Checked at entry, as strace does. */
	memcpy(args, info->seccomp.args, sizeof(args));
	return decode_syscall_touches((long)info->seccomp.nr, args, &mem, fl.paths, fl.npaths);
}

bool filters_status_shown(int64_t ret, bool known)
{
	unsigned int cls;

	if (!fl.status)
		return true;
	if (!known)
		cls = STATUS_UNFINISHED | STATUS_UNAVAILABLE;
	else
		cls = ret < 0 && ret >= -4095 ? STATUS_FAILED : STATUS_SUCCESSFUL;
	return fl.status & cls;
}

bool filters_signal_shown(int sig)
{
	return sig >= 1 && sig <= 64 && (fl.signals[(sig - 1) / 8] & (1u << ((sig - 1) % 8)));
}

const struct decode_opts *filters_decode_opts(void)
{
	return &fl.dopts;
}

void filters_dump_io(long nr, const uint64_t args[6], int64_t ret, const struct trace_mem *mem,
		     FILE *f)
{
	if (fl.read_fds || fl.write_fds)
		decode_dump_io(nr, args, ret, mem, fl.read_fds, fl.write_fds, f);
}
