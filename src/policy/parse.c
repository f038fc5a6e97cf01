// SPDX-License-Identifier: MIT
/*
 * The policy grammar.  The command line and a --policy file share it:
 * a file line is an option as it would be written on the command line,
 * the leading "--" optional, so one rule means the same wherever it is
 * written.  Every bad input is refused here, before anything runs.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arch/arch.h"
#include "policy/policy.h"
#include "trace/decode.h"

/*
 * Known ways out of seccomp- and Landlock-based sandboxes, denied under
 * any policy unless --allow names them (doc/design.md says why each).
 * ioctl(TIOCSTI/TIOCLINUX) is filtered on its argument in filter.c.
 */
const char *const policy_always_denied[] = {
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register", /* ops bypass seccomp */
    "mount",
    "umount2",
    "pivot_root",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "mount_setattr",
    "chroot",
    "bpf",
    "perf_event_open",
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "keyctl",
    "add_key",
    "request_key",
    "userfaultfd",
    "open_by_handle_at",
    "unshare",
    "setns",
    "process_vm_writev",
    "iopl",
    "ioperm",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    NULL,
};

static const struct {
	const char *name;
	int resource;
} rlimit_names[] = {
    {"as", RLIMIT_AS},
    {"core", RLIMIT_CORE},
    {"cpu", RLIMIT_CPU},
    {"data", RLIMIT_DATA},
    {"fsize", RLIMIT_FSIZE},
    {"memlock", RLIMIT_MEMLOCK},
    {"msgqueue", RLIMIT_MSGQUEUE},
    {"nice", RLIMIT_NICE},
    {"nofile", RLIMIT_NOFILE},
    {"nproc", RLIMIT_NPROC},
    {"rss", RLIMIT_RSS},
    {"rtprio", RLIMIT_RTPRIO},
    {"rttime", RLIMIT_RTTIME},
    {"sigpending", RLIMIT_SIGPENDING},
    {"stack", RLIMIT_STACK},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const option_names[] = {
    "ro",   "rox",   "rw",     "rwx",	 "net",		"connect", "bind",
    "deny", "allow", "rlimit", "policy", "best-effort", "learn",
};

bool policy_is_option(const char *name)
{
	for (size_t i = 0; i < COUNT(option_names); i++)
		if (!strcmp(name, option_names[i]))
			return true;
	return false;
}

static int fail(char *err, size_t errlen, const char *fmt, const char *a, const char *b)
{
	snprintf(err, errlen, fmt, a, b);
	return -1;
}

static int add_path(struct policy *p, const char *opt, const char *value, unsigned int access,
		    char *err, size_t errlen)
{
	struct stat st;
	size_t len;
	char *copy;

	if (!value || value[0] != '/')
		return fail(err, errlen, "--%s: not an absolute path '%s'", opt,
			    value ? value : "");
	if (stat(value, &st) < 0 && errno == ENOENT)
		return fail(err, errlen, "--%s: no such file or directory '%s'", opt, value);
	if (stat(value, &st) < 0) {
		snprintf(err, errlen, "--%s: cannot use '%s': %s", opt, value, strerror(errno));
		return -1;
	}
	if (p->npaths == POLICY_MAX_PATHS)
		return fail(err, errlen, "--%s: too many file rules at '%s'", opt, value);
	copy = strdup(value);
	if (!copy)
		return fail(err, errlen, "--%s: out of memory at '%s'", opt, value);
	/* "/usr/" and "/usr" are one rule; "/" stays "/". */
	len = strlen(copy);
	while (len > 1 && copy[len - 1] == '/')
		copy[--len] = '\0';
	p->paths[p->npaths].path = copy;
	p->paths[p->npaths].access = access;
	p->npaths++;
	return 0;
}

/* Port 0 is only for --bind: Landlock's rule for binding an ephemeral port. */
static int parse_port(const char *opt, const char *value, uint16_t *ports, int *n, char *err,
		      size_t errlen)
{
	long min = strcmp(opt, "bind") ? 1 : 0;
	char *end;
	long v;

	if (!value || !isdigit((unsigned char)*value))
		return fail(err, errlen, "--%s: invalid port '%s'", opt, value ? value : "");
	errno = 0;
	v = strtol(value, &end, 10);
	if (errno || *end || v < min || v > 65535)
		return fail(err, errlen, "--%s: invalid port '%s'", opt, value);
	if (*n == POLICY_MAX_PORTS)
		return fail(err, errlen, "--%s: too many ports at '%s'", opt, value);
	ports[(*n)++] = (uint16_t)v;
	return 0;
}

/* --deny=SET[:ERRNO|kill]: the action follows the last ':'. */
static int parse_deny(struct policy *p, const char *value, char *err, size_t errlen)
{
	struct policy_deny *d;
	const char *colon;
	char why[160];
	char *set;

	if (!value || !*value)
		return fail(err, errlen, "--deny: empty syscall set%s%s", "", "");
	if (p->ndeny == POLICY_MAX_DENY)
		return fail(err, errlen, "--deny: too many rules at '%s'%s", value, "");
	d = &p->deny[p->ndeny];
	colon = strrchr(value, ':');
	d->action = EPERM;
	if (colon) {
		if (!strcmp(colon + 1, "kill"))
			d->action = POLICY_KILL;
		else
			d->action = errno_parse(colon + 1);
		if (d->action == -1 && strcmp(colon + 1, "kill"))
			return fail(err, errlen, "--deny: unknown errno '%s'%s", colon + 1, "");
	}
	set = strndup(value, colon ? (size_t)(colon - value) : strlen(value));
	if (!set)
		return fail(err, errlen, "--deny: out of memory%s%s", "", "");
	if (trace_set_parse(set, &d->set, why, sizeof(why)) < 0) {
		free(set);
		return fail(err, errlen, "--deny: %s%s", why, "");
	}
	/* A process must be able to end: a filter that denies exit leaves it spinning. */
	sysset_del(&d->set, arch_syscall_lookup("exit"));
	sysset_del(&d->set, arch_syscall_lookup("exit_group"));
	d->set.all = false;
	d->spec = set;
	p->ndeny++;
	return 0;
}

static int parse_allow(struct policy *p, const char *value, char *err, size_t errlen)
{
	struct sysset s;
	char why[160];

	if (!value || trace_set_parse(value, &s, why, sizeof(why)) < 0)
		return fail(err, errlen, "--allow: %s%s", value ? why : "empty syscall set", "");
	for (long nr = 0; nr < SYSSET_MAX; nr++)
		if (sysset_has(&s, nr))
			sysset_add(&p->allow, nr);
	/* "ioctl" in --allow also lets TIOCSTI/TIOCLINUX through. */
	return 0;
}

/* N, N[KMG] (binary units) or "unlimited". */
static int parse_rlimit_value(const char *s, rlim_t *out)
{
	unsigned long long v;
	char *end;

	if (!strcmp(s, "unlimited")) {
		*out = RLIM_INFINITY;
		return 0;
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	if (*end) {
		const char *units = "KMG";
		const char *u = strchr(units, *end);

		if (!u || end[1])
			return -1;
		for (long i = 0; i <= u - units; i++) {
			if (v > (~0ULL >> 10))
				return -1;
			v <<= 10;
		}
	}
	*out = (rlim_t)v;
	return 0;
}

static int parse_rlimit(struct policy *p, const char *value, char *err, size_t errlen)
{
	const char *eq = value ? strchr(value, '=') : NULL;
	size_t i;

	if (!eq)
		return fail(err, errlen, "--rlimit: expected RESOURCE=N, got '%s'%s",
			    value ? value : "", "");
	for (i = 0; i < COUNT(rlimit_names); i++)
		if (strlen(rlimit_names[i].name) == (size_t)(eq - value) &&
		    !strncmp(value, rlimit_names[i].name, (size_t)(eq - value)))
			break;
	if (i == COUNT(rlimit_names)) {
		snprintf(err, errlen, "--rlimit: unknown resource '%.*s'", (int)(eq - value),
			 value);
		return -1;
	}
	if (p->nrlimits == POLICY_MAX_RLIMITS)
		return fail(err, errlen, "--rlimit: too many limits at '%s'%s", value, "");
	if (parse_rlimit_value(eq + 1, &p->rlimits[p->nrlimits].value) < 0)
		return fail(err, errlen, "--rlimit: invalid limit '%s'%s", eq + 1, "");
	p->rlimits[p->nrlimits++].resource = rlimit_names[i].resource;
	return 0;
}

static int parse_path_rule(struct policy *p, const char *name, const char *value, char *err,
			   size_t errlen)
{
	unsigned int access = PACC_READ;

	if (strchr(name + 1, 'w'))
		access |= PACC_WRITE;
	if (strchr(name + 1, 'x'))
		access |= PACC_EXEC;
	return add_path(p, name, value, access, err, errlen);
}

int policy_option(struct policy *p, const char *name, const char *value, char *err, size_t errlen)
{
	if (!strcmp(name, "best-effort")) {
		if (value)
			return fail(err, errlen, "--best-effort takes no value%s%s", "", "");
		p->best_effort = true;
		return 0;
	}
	if (!value)
		return fail(err, errlen, "--%s needs a value%s", name, "");
	if (!strcmp(name, "policy"))
		return policy_parse_file(p, value, err, errlen);
	if (!strcmp(name, "learn")) {
		if (!*value)
			return fail(err, errlen, "--learn: empty file name%s%s", "", "");
		free(p->learn);
		p->learn = strdup(value);
		return p->learn ? 0 : fail(err, errlen, "--learn: out of memory%s%s", "", "");
	}
	p->active = true;
	if (!strcmp(name, "ro") || !strcmp(name, "rox") || !strcmp(name, "rw") ||
	    !strcmp(name, "rwx"))
		return parse_path_rule(p, name, value, err, errlen);
	if (!strcmp(name, "net")) {
		if (strcmp(value, "none"))
			return fail(err, errlen, "--net: expected 'none', got '%s'%s", value, "");
		p->net = true;
		return 0;
	}
	if (!strcmp(name, "connect")) {
		p->net = true;
		return parse_port(name, value, p->connect, &p->nconnect, err, errlen);
	}
	if (!strcmp(name, "bind")) {
		p->net = true;
		return parse_port(name, value, p->bind, &p->nbind, err, errlen);
	}
	if (!strcmp(name, "deny"))
		return parse_deny(p, value, err, errlen);
	if (!strcmp(name, "allow"))
		return parse_allow(p, value, err, errlen);
	if (!strcmp(name, "rlimit"))
		return parse_rlimit(p, value, err, errlen);
	return fail(err, errlen, "unknown option '%s'%s", name, "");
}

/* One line of a policy file: "" or "# ..." or "[--]name[=value]". */
static int parse_line(struct policy *p, char *line, char *err, size_t errlen)
{
	char *s = line, *end, *eq;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	if (!*s || *s == '#')
		return 0;
	if (!strncmp(s, "--", 2))
		s += 2;
	eq = strchr(s, '=');
	if (eq)
		*eq = '\0';
	if (!policy_is_option(s))
		return fail(err, errlen, "unknown option '%s'%s", s, "");
	return policy_option(p, s, eq ? eq + 1 : NULL, err, errlen);
}

int policy_parse_file(struct policy *p, const char *file, char *err, size_t errlen)
{
	static int depth;
	char line[4096], why[256];
	unsigned int lineno = 0;
	int rc = 0;
	FILE *f;

	if (depth > 8)
		return fail(err, errlen, "%s: policy files nest too deep%s", file, "");
	f = fopen(file, "re");
	if (!f)
		return fail(err, errlen, "%s: %s", file, strerror(errno));
	depth++;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			snprintf(err, errlen, "%s:%u: line too long", file, lineno);
			rc = -1;
			break;
		}
		if (parse_line(p, line, why, sizeof(why)) < 0) {
			snprintf(err, errlen, "%s:%u: %s", file, lineno, why);
			rc = -1;
			break;
		}
	}
	depth--;
	fclose(f);
	return rc;
}

void policy_free(struct policy *p)
{
	for (int i = 0; i < p->npaths; i++)
		free(p->paths[i].path);
	for (int i = 0; i < p->ndeny; i++)
		free(p->deny[i].spec);
	free(p->learn);
	memset(p, 0, sizeof(*p));
}
