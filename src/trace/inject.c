// SPDX-License-Identifier: MIT
/*
 * Parsing and matching of strace's injection rules:
 *   inject=SET[:error=ERRNO|:retval=N][:signal=SIG][:when=EXPR]
 *   fault=SET[:error=ERRNO][:when=EXPR]   (error defaults to ENOSYS)
 * EXPR is first[..last][+[step]].  What is done with a match (skipping
 * the call, the signal) is tracing.c's, at the stops it handles.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "options.h"
#include "seccomp_filter.h"
#include "trace/decode.h"
#include "trace/inject.h"

struct rule {
	struct sysset set;
	struct inject_action act;
	struct inject_when when;
};

static struct rule *rules;
static int nrules;

/* One counter per (rule, syscall) a thread has called. */
struct counter {
	int rule;
	long nr;
	unsigned int n;
};

struct counters {
	size_t len, cap;
	struct counter c[];
};

static bool parse_uint(const char *s, const char **end, unsigned int max, unsigned int *out)
{
	char *e;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoul(s, &e, 10);
	if (errno || v < 1 || v > max)
		return false;
	*out = (unsigned int)v;
	*end = e;
	return true;
}

/* first[..last][+[step]]; also --interrupt's when= (src/emul/interrupt.c). */
bool inject_parse_when(const char *s, struct inject_when *w)
{
	const char *p = s;
	bool range = false;

	if (!parse_uint(p, &p, 65535, &w->first))
		return false;
	w->last = w->first;
	w->step = 0;
	if (!strncmp(p, "..", 2)) {
		if (!parse_uint(p + 2, &p, 65534, &w->last) || w->last < w->first)
			return false;
		range = true;
		w->step = 1;
	}
	if (*p == '+') {
		p++;
		if (!range)
			w->last = 0; /* first+: no end */
		w->step = 1;
		if (*p && !parse_uint(p, &p, 65535, &w->step))
			return false;
	}
	return *p == '\0';
}

/* ":key=value" options of one rule. */
static int parse_opt(struct rule *r, char *opt, bool fault, bool *has_effect)
{
	char *v = strchr(opt, '=');
	int n;

	if (!v)
		return -1;
	*v++ = '\0';
	if (!strcmp(opt, "error")) {
		n = errno_parse(v);
		if (n < 0 || (r->act.skip && r->act.ret >= 0))
			return -1;
		r->act.skip = true;
		r->act.ret = -n;
	} else if (!strcmp(opt, "retval") && !fault) {
		char *end;
		long long val = strtoll(v, &end, 0);

		if (!*v || *end || val < 0 || (r->act.skip && r->act.ret < 0))
			return -1;
		r->act.skip = true;
		r->act.ret = val;
	} else if (!strcmp(opt, "signal") && !fault) {
		n = signal_parse(v);
		if (n < 1 || n > 64)
			return -1;
		r->act.signal = n;
	} else if (!strcmp(opt, "when")) {
		if (!inject_parse_when(v, &r->when))
			return -1;
		return 0;
	} else {
		return -1;
	}
	*has_effect = true;
	return 0;
}

/* SPEC of inject=SPEC, or of fault=SPEC if fault. */
static int parse_rule(const char *expr, bool fault, struct rule *r)
{
	bool effect = false;
	char *copy = strdup(expr), *save = NULL, *opt, err[256];
	int rc = -1;

	if (!copy)
		return -1;
	memset(r, 0, sizeof(*r));
	r->when.first = 1;
	r->when.last = 0;
	r->when.step = 1;
	opt = strtok_r(copy, ":", &save);
	if (!opt || trace_set_parse(opt, &r->set, err, sizeof(err)) < 0) {
		psb_error("invalid %s: %s", fault ? "fault" : "inject", opt ? err : "empty set");
		goto out;
	}
	while ((opt = strtok_r(NULL, ":", &save))) {
		char shown[128];

		snprintf(shown, sizeof(shown), "%s", opt);
		if (parse_opt(r, opt, fault, &effect) < 0) {
			psb_error("invalid %s argument '%s' in '%s' (supported: error=, retval=, "
				  "signal=, when=)",
				  fault ? "fault" : "inject", shown, expr);
			goto out;
		}
	}
	if (fault && !r->act.skip) {
		r->act.skip = true;
		r->act.ret = -ENOSYS;
		effect = true;
	}
	if (!effect) {
		psb_error("'%s': inject needs error=, retval= or signal=", expr);
		goto out;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

int inject_init(const struct options *o, struct sysset *filter)
{
	if (!o->st.ninject)
		return 0;
	rules = calloc((size_t)o->st.ninject, sizeof(*rules));
	if (!rules)
		return -1;
	for (int i = 0; i < o->st.ninject; i++) {
		if (parse_rule(o->st.inject[i], o->st.inject_fault[i], &rules[i]) < 0) {
			inject_finish();
			return -1;
		}
		for (long nr = 0; nr < SYSSET_MAX; nr++) {
			if (!sysset_has(&rules[i].set, nr))
				continue;
			sysset_add(filter, nr);
			/* As strace: the last rule naming a syscall is its rule. */
			for (int j = 0; j < i; j++) {
				sysset_del(&rules[j].set, nr);
				/* "all" would still match: its bits say the rest. */
				rules[j].set.all = false;
			}
		}
		if (rules[i].set.all)
			filter->all = true;
	}
	nrules = o->st.ninject;
	return 0;
}

bool inject_enabled(void)
{
	return nrules > 0;
}

static unsigned int *counter_of(void **table, int rule, long nr)
{
	struct counters *t = *table;

	for (size_t i = 0; t && i < t->len; i++)
		if (t->c[i].rule == rule && t->c[i].nr == nr)
			return &t->c[i].n;
	if (!t || t->len == t->cap) {
		size_t cap = t ? t->cap * 2 : 8;
		struct counters *n = realloc(t, sizeof(*n) + cap * sizeof(n->c[0]));

		if (!n)
			return NULL;
		if (!t)
			n->len = 0;
		n->cap = cap;
		*table = t = n;
	}
	t->c[t->len] = (struct counter){rule, nr, 0};
	return &t->c[t->len++].n;
}

bool inject_when_matches(const struct inject_when *w, unsigned int n)
{
	if (n < w->first || (w->last && n > w->last))
		return false;
	return w->step ? (n - w->first) % w->step == 0 : n == w->first;
}

bool inject_match(void **counters, long nr, struct inject_action *act)
{
	bool any = false;

	memset(act, 0, sizeof(*act));
	for (int i = 0; i < nrules; i++) {
		unsigned int *n;

		if (!sysset_has(&rules[i].set, nr) || !(n = counter_of(counters, i, nr)))
			continue;
		++*n;
		if (!inject_when_matches(&rules[i].when, *n))
			continue;
		if (rules[i].act.skip && !act->skip) {
			act->skip = true;
			act->ret = rules[i].act.ret;
		}
		if (rules[i].act.signal && !act->signal)
			act->signal = rules[i].act.signal;
		any = true;
	}
	return any;
}

void inject_free(void **counters)
{
	free(*counters);
	*counters = NULL;
}

void inject_finish(void)
{
	free(rules);
	rules = NULL;
	nrules = 0;
}
