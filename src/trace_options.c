// SPDX-License-Identifier: MIT
/*
 * strace's everyday options, same spelling and meaning: -q, -a, -C,
 * -S, -w, -r, -n, -z, -Z, -y, -x, -v, -X, -P, -E, -u, --seccomp-bpf
 * and the -e qualifiers quiet=, status=, signal=.  Pure parsing, like
 * options.c, which calls in here for the options it does not know.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

static int fail(struct options *opts, const char *msg, const char *arg)
{
	opts->action = OPT_ERROR;
	snprintf(opts->error, sizeof(opts->error), "%s '%s'", msg, arg);
	return -1;
}

/* Does the comma list `list` have `word`? */
static bool in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; *p;) {
		const char *end = strchrnul(p, ',');

		if ((size_t)(end - p) == n && !strncmp(p, word, n))
			return true;
		p = *end ? end + 1 : end;
	}
	return false;
}

/* Each comma-separated word of list is one of names[]. */
static bool all_known(const char *list, const char *const names[])
{
	for (const char *p = list; *p;) {
		const char *end = strchrnul(p, ',');
		bool known = false;

		for (int i = 0; names[i]; i++)
			if ((size_t)(end - p) == strlen(names[i]) &&
			    !strncmp(p, names[i], (size_t)(end - p)))
				known = true;
		if (!known)
			return false;
		p = *end ? end + 1 : end;
	}
	return true;
}

static int parse_status(struct options *opts, const char *v)
{
	static const char *const names[] = {"successful", "failed", "unfinished", "unavailable",
					    "detached",	  "none",   "all",	  NULL};
	static const unsigned int bits[] = {STATUS_SUCCESSFUL, STATUS_FAILED, STATUS_UNFINISHED,
					    STATUS_UNAVAILABLE, STATUS_DETACHED};
	unsigned int set = 0;
	bool neg = *v == '!';

	if (neg)
		v++;
	if (!*v || !all_known(v, names))
		return fail(opts, "invalid status", v);
	for (int i = 0; i < 5; i++)
		if (in_list(v, names[i]) || in_list(v, "all"))
			set |= bits[i];
	if (neg)
		set = ~set & 31;
	/* "none" shows nothing: keep a bit no call has. */
	opts->st.status = set ? set : 32;
	return 0;
}

static int parse_quiet(struct options *opts, const char *v)
{
	static const char *const names[] = {
	    "attach",	  "personality",     "exit", "exits", "thread-execve",
	    "superseded", "path-resolution", "all",  "none",  NULL};

	if (!all_known(v, names))
		return fail(opts, "invalid quiet", v);
	if (in_list(v, "none"))
		opts->st.quiet = 0;
	else if (in_list(v, "exit") || in_list(v, "exits") || in_list(v, "all"))
		opts->st.quiet = 2;
	else
		opts->st.quiet = 1;
	return 0;
}

static int parse_sort(struct options *opts, const char *v)
{
	static const struct {
		const char *name;
		int key;
	} keys[] = {{"time", SORT_TIME},       {"time_total", SORT_TIME}, {"total_time", SORT_TIME},
		    {"calls", SORT_CALLS},     {"count", SORT_CALLS},	  {"errors", SORT_ERRORS},
		    {"error", SORT_ERRORS},    {"name", SORT_NAME},	  {"syscall", SORT_NAME},
		    {"nothing", SORT_NOTHING}, {"none", SORT_NOTHING}};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!strcmp(v, keys[i].name)) {
			opts->st.sort_by = keys[i].key;
			return 0;
		}
	}
	return fail(opts, "invalid sortby", v);
}

static int parse_align(struct options *opts, const char *v)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || !*v || *end || n < 0 || n > 1000)
		return fail(opts, "invalid -a argument", v);
	opts->st.align = (unsigned int)n;
	return 0;
}

/* -X: the order is the value of options.h's const_style. */
static int parse_const_style(struct options *opts, const char *v)
{
	static const char *const names[] = {"abbrev", "raw", "verbose"};

	for (int i = 0; i < 3; i++) {
		if (!strcmp(v, names[i])) {
			opts->st.const_style = i;
			return 0;
		}
	}
	return fail(opts, "invalid -X argument", v);
}

static int add_to(struct options *opts, const char **list, int *n, int max, const char *v,
		  const char *what)
{
	if (*n >= max)
		return fail(opts, what, v);
	list[(*n)++] = v;
	return 0;
}

int strace_qualifier(struct options *opts, const char *name, size_t k, const char *value)
{
	if (k == 6 && !strncmp(name, "status", k))
		return parse_status(opts, value);
	if ((k == 5 && !strncmp(name, "quiet", k)) || (k == 6 && !strncmp(name, "silent", k)) ||
	    (k == 7 && !strncmp(name, "silence", k)))
		return parse_quiet(opts, value);
	if ((k == 6 && !strncmp(name, "inject", k)) || (k == 5 && !strncmp(name, "fault", k))) {
		if (add_to(opts, opts->st.inject, &opts->st.ninject, 16, value,
			   "too many inject/fault rules at") < 0)
			return -1;
		opts->st.inject_fault[opts->st.ninject - 1] = k == 5;
		return 0;
	}
	if (k == 6 && !strncmp(name, "abbrev", k)) {
		opts->st.abbrev = value;
		return 0;
	}
	if ((k == 7 && !strncmp(name, "verbose", k)) || (k == 1 && *name == 'v')) {
		opts->st.verbose = value;
		return 0;
	}
	if (k == 3 && !strncmp(name, "raw", k)) {
		opts->st.raw = value;
		return 0;
	}
	if ((k == 4 && !strncmp(name, "read", k)) || (k == 5 && !strncmp(name, "reads", k))) {
		opts->st.read_fds = value;
		return 0;
	}
	if ((k == 5 && !strncmp(name, "write", k)) || (k == 6 && !strncmp(name, "writes", k))) {
		opts->st.write_fds = value;
		return 0;
	}
	if ((k == 6 && !strncmp(name, "signal", k)) || (k == 7 && !strncmp(name, "signals", k))) {
		opts->st.signals = value;
		return 0;
	}
	return 1;
}

int strace_option(struct options *opts, int c, const char *arg)
{
	switch (c) {
	case 'q':
		opts->st.quiet++;
		return 0;
	case 'a':
		return parse_align(opts, arg);
	case 'C':
		opts->summary = true;
		opts->st.with_lines = true;
		return 0;
	case 'S':
		return parse_sort(opts, arg);
	case 'w':
		/* ptsandbox's -c times are always wall-clock: -w's meaning. */
		return 0;
	case 'r':
		opts->st.relative = true;
		return 0;
	case 'n':
		opts->st.numbers = true;
		return 0;
	case 'i':
		opts->st.ip = true;
		return 0;
	case 'A':
		opts->st.append = true;
		return 0;
	case 'z':
		opts->st.status = STATUS_SUCCESSFUL;
		return 0;
	case 'Z':
		opts->st.status = STATUS_FAILED;
		return 0;
	case 'y':
		opts->st.decode_fds++;
		return 0;
	case 'x':
		opts->st.hex++;
		return 0;
	case 'P':
		return add_to(opts, opts->st.paths, &opts->st.npaths, 16, arg,
			      "too many -P paths at");
	case 'E':
		return add_to(opts, opts->st.env, &opts->st.nenv, 64, arg, "too many -E at");
	case 'u':
		opts->st.user = arg;
		return 0;
	case 'X':
		return parse_const_style(opts, arg);
	case 'v':
		opts->st.abbrev = "none";
		return 0;
	}
	return 1;
}
