// SPDX-License-Identifier: MIT
/*
 * trace=SET, in strace's syntax: a comma-separated list of syscall
 * names, numbers, %classes, /regexes and "all"; a leading "!" (which may
 * repeat) negates the whole list; "none" alone is the empty set; a "?"
 * before an element ignores it if it matches nothing.  Errors are
 * strace's: "invalid system call 'foo'".
 *
 * Names are resolved with the native ABI's table (arch.h), and class
 * membership is a property of the syscall name (syscalls.c), so the
 * same expression means the same thing on every architecture.
 */
#include "config.h"

#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/arch.h"
#include "decode.h"
#include "decode_impl.h"

struct class_name {
	const char *name;
	uint16_t bits;
};

static const struct class_name class_names[] = {
    {"%file", TF},
    {"%process", TP},
    {"%signal", TS},
    {"%network", TN},
    {"%net", TN},
    {"%desc", TD},
    {"%memory", TM},
    {"%ipc", TI},
    {"%creds", TC},
    {"%clock", TCL},
    {"%stat", TST},
    {"%lstat", TLST},
    {"%fstat", TFST},
    {"%%stat", TST | TLST | TFST},
    {"%statfs", TSF},
    {"%fstatfs", TFSF},
    {"%%statfs", TSF | TFSF | TSFA},
    {"%pure", TPU},
    /* the spellings from before strace 4.17, still accepted */
    {"file", TF},
    {"process", TP},
    {"signal", TS},
    {"network", TN},
    {"desc", TD},
    {"memory", TM},
    {"ipc", TI},
};

static uint16_t syscall_classes(long nr)
{
	const struct sysent *ent = sysent_find(arch_syscall_name(nr));

	return ent ? ent->classes : 0;
}

static void add_class(struct sysset *set, uint16_t bits)
{
	for (long nr = 0; nr <= arch_max_syscall(); nr++)
		if (syscall_classes(nr) & bits)
			sysset_add(set, nr);
}

/* Returns whether anything matched; -1 (with err) for a bad regex. */
static int add_regex(struct sysset *set, const char *re, char *err, size_t errlen)
{
	regex_t rx;
	int rc = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);
	int matched = 0;

	if (rc) {
		char msg[128];

		regerror(rc, &rx, msg, sizeof(msg));
		snprintf(err, errlen, "regcomp: %s: %s", re, msg);
		return -1;
	}
	for (long nr = 0; nr <= arch_max_syscall(); nr++) {
		const char *name = arch_syscall_name(nr);

		if (name && regexec(&rx, name, 0, NULL, 0) == 0) {
			sysset_add(set, nr);
			matched = 1;
		}
	}
	regfree(&rx);
	return matched;
}

static long parse_number(const char *s)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	v = strtol(s, &end, 10);
	if (*end || v < 0 || v > arch_max_syscall())
		return -1;
	return v;
}

static void add_all(struct sysset *set)
{
	for (long nr = 0; nr <= arch_max_syscall(); nr++)
		sysset_add(set, nr);
}

/* One list element: 1 if it named something, 0 if not, -1 on a hard error. */
static int add_token(struct sysset *set, const char *tok, char *err, size_t errlen)
{
	long nr;

	if (strcmp(tok, "all") == 0) {
		add_all(set);
		return 1;
	}
	if (*tok == '/')
		return add_regex(set, tok + 1, err, errlen);
	for (size_t n = 0; n < sizeof(class_names) / sizeof(class_names[0]); n++) {
		if (strcmp(tok, class_names[n].name) == 0) {
			add_class(set, class_names[n].bits);
			return 1;
		}
	}
	nr = parse_number(tok);
	if (nr < 0)
		nr = arch_syscall_lookup(tok);
	if (nr < 0)
		return 0;
	sysset_add(set, nr);
	return 1;
}

static int parse_list(const char *list, const char *expr, struct sysset *set, char *err,
		      size_t errlen)
{
	char *copy = strdup(list), *save = NULL, *tok;
	int tokens = 0, rc = 0;

	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		bool optional = *tok == '?';
		int found;

		tokens++;
		found = add_token(set, optional ? tok + 1 : tok, err, errlen);
		if (found < 0)
			rc = -1;
		else if (!found && !optional) {
			snprintf(err, errlen, "invalid system call '%s'", tok);
			rc = -1;
		}
	}
	if (!tokens) {
		snprintf(err, errlen, "invalid system call '%s'", expr);
		rc = -1;
	}
	free(copy);
	return rc;
}

static void invert(struct sysset *set)
{
	for (long nr = 0; nr <= arch_max_syscall(); nr++) {
		if (sysset_has(set, nr))
			sysset_del(set, nr);
		else
			sysset_add(set, nr);
	}
}

/* Every native number: trap everything, x32 and unknown numbers too. */
static bool covers_all(const struct sysset *set)
{
	for (long nr = 0; nr <= arch_max_syscall(); nr++)
		if (!sysset_has(set, nr))
			return false;
	return true;
}

int trace_set_parse(const char *expr, struct sysset *set, char *err, size_t errlen)
{
	const char *s = expr ? expr : "";
	bool negate = false;
	char scratch[1];

	if (!err) {
		err = scratch;
		errlen = sizeof(scratch);
	}
	sysset_clear(set);
	while (*s == '!') {
		negate = !negate;
		s++;
	}
	if (strcmp(s, "none") != 0 && parse_list(s, expr ? expr : "", set, err, errlen) < 0) {
		sysset_clear(set);
		return -1;
	}
	if (negate)
		invert(set);
	set->all = covers_all(set);
	return 0;
}
