// SPDX-License-Identifier: MIT
/*
 * Parsing and matching of strace's injection rules:
 *   inject=SET[:error=ERRNO|:retval=N][:signal=SIG][:syscall=NAME]
 *          [:delay_enter=T][:delay_exit=T][:poke_enter=@argN=HEX,...]
 *          [:poke_exit=@argN=HEX,...][:when=EXPR]
 *   fault=SET[:error=ERRNO][:when=EXPR]   (error defaults to ENOSYS)
 * EXPR is first[..last][+[step]]; T is strace's time (microseconds, or
 * a number with s, ms, us or ns).  What is done with a match (skipping
 * the call, the signal, the delays) is inject_run.c's, at the stops
 * the tracer handles; the pokes are written here.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch/arch.h"
#include "log.h"
#include "options.h"
#include "seccomp_filter.h"
#include "trace/decode.h"
#include "trace/inject.h"

struct rule {
	struct sysset set;
	struct inject_action act;
	struct inject_when when;
	struct inject_poke poke[2]; /* poke_enter, poke_exit: act points here */
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

/* strace's time: a strtod(3) number, microseconds or with s, ms, us, ns. */
static int parse_delay(const char *v, int64_t *ns)
{
	static const struct {
		const char *suffix;
		double scale;
	} units[] = {{"", 1e3}, {"s", 1e9}, {"ms", 1e6}, {"us", 1e3}, {"ns", 1}};
	char *end;
	double d;

	errno = 0;
	d = strtod(v, &end);
	if (end == v || errno || !isfinite(d) || d < 0)
		return -1;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(end, units[i].suffix))
			continue;
		d *= units[i].scale;
		if (d >= 9.2e18)
			return -1;
		*ns = (int64_t)d;
		return 0;
	}
	return -1;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#define POKE_MAX 1024 /* bytes per argument, as strace */

/* "@argN=HEX[,@argM=HEX...]" into *p (N from 1 to 7, each at most once). */
static int parse_poke(char *v, struct inject_poke *p)
{
	char *save = NULL, *one;

	if (p->n)
		return -1;
	for (one = strtok_r(v, ",", &save); one; one = strtok_r(NULL, ",", &save)) {
		size_t k = 0, digits;
		int arg;

		if (strncmp(one, "@arg", 4) || one[4] < '1' || one[4] > '7' || one[5] != '=')
			return -1;
		arg = one[4] - '1';
		one += 6;
		digits = strlen(one);
		if (!digits || digits % 2 || digits / 2 > POKE_MAX || p->n == 7)
			return -1;
		for (int i = 0; i < p->n; i++)
			if (p->at[i].arg == arg)
				return -1;
		p->at[p->n].data = malloc(digits / 2);
		if (!p->at[p->n].data)
			return -1;
		p->at[p->n].arg = arg;
		p->at[p->n].len = digits / 2;
		p->n++;
		for (; k < digits / 2; k++) {
			int hi = hex_digit(one[2 * k]), lo = hex_digit(one[2 * k + 1]);

			if (hi < 0 || lo < 0)
				return -1;
			p->at[p->n - 1].data[k] = (unsigned char)(hi << 4 | lo);
		}
	}
	return p->n ? 0 : -1;
}

/* syscall=NAME: only a "pure" one (strace's %pure: no arguments, no effect). */
static long parse_pure(const char *v)
{
	struct sysset pure;
	char err[64];
	long nr = arch_syscall_lookup(v);

	if (nr < 0 || trace_set_parse("%pure", &pure, err, sizeof(err)) < 0 ||
	    !sysset_has(&pure, nr))
		return -1;
	return nr;
}

/* The options that tamper with the call's timing, arguments or number. */
static int parse_more_opt(struct rule *r, const char *opt, char *v, bool *has_effect)
{
	if (!strcmp(opt, "delay_enter") || !strcmp(opt, "delay_exit")) {
		bool enter = !strcmp(opt, "delay_enter");
		bool *has = enter ? &r->act.delay_enter : &r->act.delay_exit;

		if (*has || parse_delay(v, enter ? &r->act.delay_enter_ns : &r->act.delay_exit_ns))
			return -1;
		*has = true;
	} else if (!strcmp(opt, "poke_enter") || !strcmp(opt, "poke_exit")) {
		struct inject_poke *p = &r->poke[strcmp(opt, "poke_enter") ? 1 : 0];

		if (parse_poke(v, p) < 0)
			return -1;
		if (p == &r->poke[0])
			r->act.poke_enter = p;
		else
			r->act.poke_exit = p;
	} else if (!strcmp(opt, "syscall")) {
		if (r->act.sysnr >= 0 || (r->act.sysnr = parse_pure(v)) < 0)
			return -1;
		/* Not an effect of its own: only what error= or retval= runs. */
		return 0;
	} else {
		return -1;
	}
	*has_effect = true;
	return 0;
}

/* ":key=value" options of one rule. */
static int parse_opt(struct rule *r, char *opt, bool fault, bool *has_effect)
{
	char *v = strchr(opt, '=');
	int n;

	if (!v)
		return -1;
	*v++ = '\0';
	if (!fault &&
	    (!strncmp(opt, "delay_", 6) || !strncmp(opt, "poke_", 5) || !strcmp(opt, "syscall")))
		return parse_more_opt(r, opt, v, has_effect);
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
		if (n < 1 || n > 64 || r->act.signal)
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
	r->act.sysnr = -1;
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
			psb_error("invalid %s argument '%s' in '%s'", fault ? "fault" : "inject",
				  shown, expr);
			goto out;
		}
	}
	if (fault && !r->act.skip) {
		r->act.skip = true;
		r->act.ret = -ENOSYS;
		effect = true;
	}
	if (!effect) {
		psb_error("'%s': inject needs error=, retval=, signal=, delay_enter=, delay_exit=, "
			  "poke_enter= or poke_exit=",
			  expr);
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
		/* Counted before parsing: inject_finish() frees a half-parsed rule's pokes. */
		nrules = i + 1;
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

bool inject_has_delays(void)
{
	for (int i = 0; i < nrules; i++)
		if (rules[i].act.delay_enter || rules[i].act.delay_exit)
			return true;
	return false;
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
	memset(act, 0, sizeof(*act));
	for (int i = 0; i < nrules; i++) {
		unsigned int *n;

		if (!sysset_has(&rules[i].set, nr) || !(n = counter_of(counters, i, nr)))
			continue;
		++*n;
		if (!inject_when_matches(&rules[i].when, *n))
			continue;
		/* One rule per syscall (inject_init): its action is the action. */
		*act = rules[i].act;
		return true;
	}
	return false;
}

/* Through /proc/TID/mem, which writes read-only mappings too, as PTRACE_POKEDATA. */
bool inject_poke(pid_t tid, long nr, const uint64_t args[6], const struct inject_poke *p)
{
	const char *name = arch_syscall_name(nr);
	int nargs = decode_syscall_nargs(nr);
	char path[64];
	bool all = true;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/mem", (int)tid);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	for (int i = 0; i < p->n; i++) {
		int a = p->at[i].arg;

		if (a >= nargs || a >= 6) {
			psb_error("poke: argument #%d of %s, which has %d", a + 1,
				  name ? name : "?", nargs);
			all = false;
			continue;
		}
		if (pwrite(fd, p->at[i].data, p->at[i].len, (off_t)args[a]) !=
		    (ssize_t)p->at[i].len)
			all = false;
	}
	close(fd);
	return all;
}

void inject_free(void **counters)
{
	free(*counters);
	*counters = NULL;
}

void inject_finish(void)
{
	for (int i = 0; i < nrules; i++)
		for (int k = 0; k < 2; k++)
			for (int j = 0; j < rules[i].poke[k].n; j++)
				free(rules[i].poke[k].at[j].data);
	free(rules);
	rules = NULL;
	nrules = 0;
}
