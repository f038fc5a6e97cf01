// SPDX-License-Identifier: MIT
/*
 * Explaining denials.  Three routes, all after the kernel decided:
 * - a call the filter refused (--deny, the always-denied list, socket
 *   families under --net) arrives as a SIGSYS at its signal stop: its
 *   errno is set as the result and the signal is never delivered;
 * - a call Landlock may refuse (the filter's watch block) is seen at its
 *   exit stop: a failure that the rules explain is reported, one that
 *   they do not (plain permission bits) is the kernel's own and is not;
 * - a --deny=...:kill is seen at the exit stop of the killed thread, and
 *   an rlimit at the SIGXFSZ/SIGXCPU it sends.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch/arch.h"
#include "guest_mem.h"
#include "log.h"
#include "policy/filter.h"
#include "policy/hooks.h"
#include "policy/limits.h"
#include "policy/paths.h"
#include "policy/policy.h"
#include "policy/report.h"
#include "policy/run.h"
#include "task.h"
#include "report/backtrace.h"
#include "trace/decode.h"
#include "trace/tracing.h"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1
#endif

struct rule {
	char real[PATH_MAX];
	const char *as_written;
	unsigned int access;
	dev_t dev; /* what Landlock holds the rule on (st_ino 0: not found) */
	ino_t ino;
};

struct seen {
	char *key; /* "call\0object\0rule" */
	size_t keylen;
	unsigned long count;
	struct seen *next;
};

static const struct policy_run *run;
static struct rule *rules;
static int nrules;
static struct seen *seen, **seen_tail = &seen;
static bool stack_trace;

static const char *const implicit_rw[] = {"/dev/null", "/dev/zero", "/dev/full"};

/* An open trace line there is closed first (" <unfinished ...>"). */
static FILE *out(void)
{
	FILE *f = diag ? diag : stderr;

	tracing_aside(f);
	return f;
}

static void add_rule(const char *path, unsigned int access)
{
	struct rule *r = &rules[nrules++];

	struct stat st;

	if (!realpath(path, r->real))
		snprintf(r->real, sizeof(r->real), "%s", path);
	r->as_written = path;
	r->access = access;
	if (stat(r->real, &st) == 0) {
		r->dev = st.st_dev;
		r->ino = st.st_ino;
	}
}

static bool watches(long nr)
{
	return sysset_has(&run->filter.watched, nr);
}

static void report_exit(struct task *t, long nr, const uint64_t args[6], int64_t ret, void *cookie);
static bool granted(struct task *t, long nr, const uint64_t args[6]);

static const struct policy_sink report_sink = {.watches = watches,
					       .skip_exit = granted,
					       .exit = report_exit,
					       .signal = report_signal,
					       .exit_event = report_exit_event,
					       .finish = report_finish};

void report_start(const struct policy_run *r)
{
	const struct policy *p = r->p;

	run = r;
	rules = calloc((size_t)p->npaths + 3, sizeof(*rules));
	if (!rules)
		return;
	for (int i = 0; i < p->npaths; i++)
		add_rule(p->paths[i].path, p->paths[i].access);
	for (size_t i = 0; p->npaths && i < 3; i++)
		add_rule(implicit_rw[i], PACC_READ | PACC_WRITE);
	hooks_set_sink(&report_sink);
}

void report_set_stack_trace(bool on)
{
	stack_trace = on;
}

/* The union of the rules over path, and the deepest of them. */
static unsigned int covered(const char *path, const struct rule **deepest)
{
	unsigned int a = 0;
	size_t best = 0;

	*deepest = NULL;
	for (int i = 0; i < nrules; i++) {
		if (!path_beneath(path, rules[i].real))
			continue;
		a |= rules[i].access;
		if (strlen(rules[i].real) >= best) {
			best = strlen(rules[i].real);
			*deepest = &rules[i];
		}
	}
	return a;
}

/*
 * Do the rules grant access on path now?  Each rule that gives part of
 * it must still be on the directory it was put on (one renamed away
 * and replaced no longer guards the name).
 */
static bool grants(const char *path, unsigned int access)
{
	unsigned int a = 0;
	struct stat st;

	for (int i = 0; i < nrules; i++) {
		if (!(rules[i].access & access) || !path_beneath(path, rules[i].real))
			continue;
		if (!rules[i].ino || stat(rules[i].real, &st) < 0 || st.st_dev != rules[i].dev ||
		    st.st_ino != rules[i].ino)
			return false;
		a |= rules[i].access;
	}
	return (access & ~a) == 0;
}

/*
 * The fast path, at the seccomp stop of a watched call: true when no
 * file rule can deny it, so its exit need not be seen.  Only a guess
 * about whether to look: Landlock still decides the access, on the
 * name it resolves itself.  A thread that changes the name or the tree
 * between this guess and the kernel's walk can at worst hide its
 * denial from the report, never gain an access.  Calls watched for
 * another reason (a limit's EMFILE) and calls the guess cannot see
 * exactly (exec's interpreter, rename and link's EXDEV, device nodes)
 * always keep their exit stop (paths_entry_object()).
 */
static bool granted(struct task *t, long nr, const uint64_t args[6])
{
	struct sysobj obj;
	int n;

	if (sysset_has(&run->filter.also_watched, nr))
		return false;
	n = paths_entry_object(t->tid, nr, args, &obj);
	if (n <= 0)
		return n == 0;
	return grants(obj.path, obj.access);
}

static const char *access_option(unsigned int a)
{
	if ((a & PACC_WRITE) && (a & PACC_EXEC))
		return "--rwx";
	if (a & PACC_WRITE)
		return "--rw";
	if (a & PACC_EXEC)
		return "--rox";
	return "--ro";
}

static const char *missing_rules(unsigned int missing)
{
	if (missing & PACC_WRITE)
		return "no --rw/--rwx rule covers it";
	if (missing & PACC_EXEC)
		return "no --rox/--rwx rule covers it";
	return "no --ro/--rw rule covers it";
}

/* The first report of each (call, object, rule); later ones are counted. */
static bool first_time(const char *call, const char *object, const char *rule)
{
	size_t a = strlen(call) + 1, b = strlen(object) + 1, c = strlen(rule) + 1;
	struct seen *s;
	char *key;

	key = malloc(a + b + c);
	if (!key)
		return true;
	memcpy(key, call, a);
	memcpy(key + a, object, b);
	memcpy(key + a + b, rule, c);
	for (s = seen; s; s = s->next)
		if (s->keylen == a + b + c && !memcmp(s->key, key, a + b + c)) {
			s->count++;
			free(key);
			return false;
		}
	s = calloc(1, sizeof(*s));
	if (!s) {
		free(key);
		return true;
	}
	s->key = key;
	s->keylen = a + b + c;
	s->count = 1;
	*seen_tail = s;
	seen_tail = &s->next;
	return true;
}

static size_t format_enter(pid_t tid, long nr, const uint64_t args[6], char *buf, size_t len)
{
	struct trace_mem mem = {.read = guest_read_upto, .ctx = (void *)(intptr_t)tid};
	struct decode_opts o = {.strsize = 32};

	return decode_syscall_enter(nr, args, &mem, &o, buf, len);
}

/* "openat(AT_FDCWD, "x", O_RDONLY) = -1 EACCES", strace's line without the errno text. */
static void format_call(pid_t tid, long nr, const uint64_t args[6], int64_t ret, char *buf,
			size_t len)
{
	struct trace_mem mem = {.read = guest_read_upto, .ctx = (void *)(intptr_t)tid};
	struct decode_opts o = {.strsize = 32};
	size_t n = format_enter(tid, nr, args, buf, len);
	char *paren;

	decode_syscall_exit(nr, args, ret, &mem, &o, buf + n, len - n);
	paren = strrchr(buf, '(');
	if (paren && paren > buf + n && paren[-1] == ' ' && buf[strlen(buf) - 1] == ')')
		paren[-1] = '\0';
}

/* The arguments of the call t stopped in, from its registers. */
static void regs_args(const struct arch_regs *regs, uint64_t args[6])
{
	for (int i = 0; i < 6; i++)
		args[i] = arch_regs_arg(regs, i);
}

static void emit(pid_t tid, const char *line, const char *call, const char *object,
		 const char *rule)
{
	if (!first_time(call, object, rule))
		return;
	fprintf(out(), "ptsandbox: denied: [pid %d] %s (%s: %s)\n", (int)tid, line, object, rule);
	if (stack_trace)
		backtrace_print_strace(out(), tid);
	fflush(out());
}

static void emit_call(pid_t tid, long nr, const uint64_t args[6], int64_t ret, const char *object,
		      const char *rule)
{
	char line[1024];
	const char *name = arch_syscall_name(nr);

	format_call(tid, nr, args, ret, line, sizeof(line));
	emit(tid, line, name ? name : "?", object, rule);
}

/* Why the rules fall short of missing, deep being the deepest rule over the object. */
static void describe_missing(unsigned int missing, const struct rule *deep, const char *prefix,
			     char *rule, size_t len)
{
	if (deep && missing == PACC_EXEC)
		/* The usual surprise: --ro=/ reads /usr/bin but runs nothing. */
		snprintf(rule, len, "%s%s=%s covers it but grants no execute: use %s=%s", prefix,
			 access_option(deep->access), deep->as_written,
			 access_option(deep->access | PACC_EXEC), deep->as_written);
	else if (deep)
		snprintf(rule, len, "%s%s (%s=%s does not give it)", prefix, missing_rules(missing),
			 access_option(deep->access), deep->as_written);
	else
		snprintf(rule, len, "%s%s", prefix, missing_rules(missing));
}

/* An exec the rules allow that failed: the interpreter it runs (ld.so, "#!") is not. */
static bool explain_interpreter(struct task *t, long nr, const uint64_t args[6], int64_t ret,
				const char *exe)
{
	char cur[PATH_MAX], next[PATH_MAX], prefix[PATH_MAX + 32], rule[2 * PATH_MAX + 160];
	const struct rule *deep;

	snprintf(cur, sizeof(cur), "%s", exe);
	for (int depth = 0; depth < 4 && paths_interpreter(cur, next, sizeof(next)); depth++) {
		unsigned int have = covered(next, &deep);

		if (!(have & PACC_EXEC)) {
			snprintf(prefix, sizeof(prefix), "the interpreter of %s: ", cur);
			describe_missing(PACC_EXEC, deep, prefix, rule, sizeof(rule));
			emit_call(t->tid, nr, args, ret, next, rule);
			return true;
		}
		memcpy(cur, next, sizeof(cur));
	}
	return false;
}

/* A file call that failed: is one of its objects outside the rules? */
static bool explain_file(struct task *t, long nr, const uint64_t args[6], int64_t ret)
{
	struct sysobj obj[2];
	int n = paths_of_call(t->tid, nr, args, obj);
	char rule[PATH_MAX + 128], where[PATH_MAX];
	unsigned int need_all = 0;

	for (int i = 0; i < n; i++) {
		const struct rule *deep;
		unsigned int have, missing;

		memcpy(where, obj[i].path, sizeof(where));
		if (obj[i].parent)
			path_dirname(where);
		have = covered(where, &deep);
		missing = obj[i].access & ~have;
		need_all |= obj[i].access;
		if (!missing)
			continue;
		describe_missing(missing, deep, "", rule, sizeof(rule));
		emit_call(t->tid, nr, args, ret, obj[i].path, rule);
		return true;
	}
	if (n == 1 && obj[0].access == PACC_EXEC && ret == -EACCES &&
	    explain_interpreter(t, nr, args, ret, obj[0].path))
		return true;
	if (n == 2 && ret == -EXDEV && need_all) {
		emit_call(t->tid, nr, args, ret, obj[0].path,
			  "moving it there would change its rights: the rules over source and "
			  "destination differ (Landlock refer)");
		return true;
	}
	return false;
}

static bool explain_socket(struct task *t, long nr, const uint64_t args[6], int64_t ret)
{
	const char *name = arch_syscall_name(nr);
	char sockname[128], object[160], rule[64];
	int port = 0;
	enum sock_kind k = sock_of_call(t->tid, nr, args, &port, sockname, sizeof(sockname));

	if (k == SOCK_TCP && ret == -EACCES && run->p->net) {
		bool bind = !strcmp(name, "bind");

		snprintf(object, sizeof(object), "TCP port %d", port);
		snprintf(rule, sizeof(rule), "no --%s=%d rule", bind ? "bind" : "connect", port);
		emit_call(t->tid, nr, args, ret, object, rule);
		return true;
	}
	if (k == SOCK_ABSTRACT && ret == -EPERM) {
		snprintf(object, sizeof(object), "abstract unix socket %s", sockname);
		emit_call(t->tid, nr, args, ret, object,
			  "it belongs to a process outside the sandbox (Landlock scope)");
		return true;
	}
	return false;
}

static bool explain_signal(struct task *t, long nr, const uint64_t args[6], int64_t ret)
{
	const char *name = arch_syscall_name(nr);
	char object[64];
	long pid = (long)(int)args[0];

	if (ret != -EPERM)
		return false;
	if (!strcmp(name, "tgkill") || !strcmp(name, "ptrace"))
		pid = (long)(int)args[1];
	if (!strcmp(name, "pidfd_send_signal"))
		snprintf(object, sizeof(object), "pidfd %ld", pid);
	else if (pid > 0 && !task_find((pid_t)pid))
		snprintf(object, sizeof(object), "pid %ld", pid);
	else
		return false;
	emit_call(t->tid, nr, args, ret, object, "it is outside the sandbox (Landlock scope)");
	return true;
}

/* A device node made by root: the capability dropped under every policy (caps.c). */
static bool explain_mknod(struct task *t, long nr, const uint64_t args[6], int64_t ret)
{
	const char *name = arch_syscall_name(nr);
	struct sysobj obj[2];
	uint64_t mode;

	if (ret != -EPERM || !name || geteuid() != 0)
		return false;
	if (!strcmp(name, "mknod"))
		mode = args[1];
	else if (!strcmp(name, "mknodat"))
		mode = args[2];
	else
		return false;
	if (!S_ISBLK(mode) && !S_ISCHR(mode))
		return false;
	if (paths_of_call(t->tid, nr, args, obj) < 1)
		return false;
	emit_call(
	    t->tid, nr, args, ret, obj[0].path,
	    "CAP_MKNOD is dropped under a policy (a device node would bypass the file rules)");
	return true;
}

/* EMFILE, EAGAIN of a fork, ENOMEM of a mapping: the limit the policy set. */
static bool explain_rlimit(struct task *t, long nr, const uint64_t args[6], int64_t ret)
{
	static const struct {
		int err, resource;
		const char *calls;
	} limits[] = {
	    {EMFILE, RLIMIT_NOFILE, NULL},
	    {EAGAIN, RLIMIT_NPROC, ",fork,vfork,clone,clone3,"},
	    {ENOMEM, RLIMIT_AS, ",mmap,brk,mremap,"},
	    {ENOMEM, RLIMIT_DATA, ",mmap,brk,mremap,"},
	};
	const char *name = arch_syscall_name(nr);
	char key[40], rule[96];

	snprintf(key, sizeof(key), ",%s,", name ? name : "?");
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		if (ret != -limits[i].err || (limits[i].calls && !strstr(limits[i].calls, key)))
			continue;
		for (int j = 0; j < run->p->nrlimits; j++) {
			if (run->p->rlimits[j].resource != limits[i].resource)
				continue;
			snprintf(rule, sizeof(rule), "--rlimit=%s=%llu",
				 limits_name(limits[i].resource),
				 (unsigned long long)run->p->rlimits[j].value);
			emit_call(t->tid, nr, args, ret, limits_name(limits[i].resource), rule);
			return true;
		}
	}
	return false;
}

static void report_exit(struct task *t, long nr, const uint64_t args[6], int64_t ret, void *cookie)
{
	(void)cookie;
	if (explain_rlimit(t, nr, args, ret))
		return;
	if (ret != -EACCES && ret != -EPERM && ret != -EXDEV)
		return;
	if (explain_mknod(t, nr, args, ret))
		return;
	if (paths_known(nr) && explain_file(t, nr, args, ret))
		return;
	if (explain_socket(t, nr, args, ret))
		return;
	explain_signal(t, nr, args, ret);
}

static bool report_trap(struct task *t, const siginfo_t *si)
{
	struct arch_regs regs;
	uint64_t args[6];
	char rule[256], object[64], line[1024];
	int err = si->si_errno & 0xfff;
	long nr = si->si_syscall;

	if (arch_get_regs(t->tid, &regs) < 0)
		return true;
	arch_regs_set_ret(&regs, -err);
	if (arch_set_regs(t->tid, &regs) < 0)
		psb_perror("cannot set the result of a denied call of %d", (int)t->tid);
	regs_args(&regs, args);
	if ((uint32_t)si->si_arch != arch_audit_arch() ||
	    (arch_foreign_nr_base() && (unsigned long)nr >= arch_foreign_nr_base())) {
		snprintf(line, sizeof(line), "syscall_%#lx(...) = -1 %s", nr, errno_name(err));
		snprintf(object, sizeof(object), "syscall %ld of another ABI", nr);
		emit(t->tid, line, "foreign", object,
		     "under a policy only the native ABI's calls run (the rules are in its "
		     "numbers)");
		return true;
	}
	if (!policy_filter_rule(run->p, nr, args, rule, sizeof(rule)))
		snprintf(rule, sizeof(rule), "the policy's seccomp filter");
	snprintf(object, sizeof(object), "%s", arch_syscall_name(nr) ? arch_syscall_name(nr) : "?");
	format_call(t->tid, nr, args, -err, line, sizeof(line));
	emit(t->tid, line, object, object, rule);
	return true;
}

static bool report_rlimit_signal(struct task *t, int sig)
{
	int res = sig == SIGXFSZ ? RLIMIT_FSIZE : RLIMIT_CPU;
	char object[64], rule[96];
	struct arch_regs regs;

	for (int i = 0; i < run->p->nrlimits; i++) {
		if (run->p->rlimits[i].resource != res)
			continue;
		snprintf(object, sizeof(object), "%s", limits_name(res));
		snprintf(rule, sizeof(rule), "--rlimit=%s=%llu", limits_name(res),
			 (unsigned long long)run->p->rlimits[i].value);
		if (sig == SIGXFSZ && arch_get_regs(t->tid, &regs) == 0) {
			uint64_t args[6];

			regs_args(&regs, args);
			emit_call(t->tid, arch_regs_nr(&regs), args, arch_regs_ret(&regs), object,
				  rule);
		} else {
			emit(t->tid, sig == SIGXFSZ ? "--- SIGXFSZ ---" : "--- SIGXCPU ---",
			     signal_name(sig), object, rule);
		}
	}
	return false;
}

bool report_signal(struct task *t, int sig)
{
	siginfo_t si;

	if (!run)
		return false;
	if (sig == SIGXFSZ || sig == SIGXCPU)
		return report_rlimit_signal(t, sig);
	if (sig != SIGSYS || ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si) < 0)
		return false;
	if (si.si_code != SYS_SECCOMP || (si.si_errno & POLICY_TRAP_MASK) != POLICY_TRAP_TAG)
		return false;
	return report_trap(t, &si);
}

void report_exit_event(struct task *t)
{
	unsigned long status = 0;
	struct arch_regs regs;
	uint64_t args[6];
	char rule[256], line[1024];
	long nr;
	size_t n;

	if (!run || ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &status) < 0 ||
	    !WIFSIGNALED((int)status) || WTERMSIG((int)status) != SIGSYS ||
	    arch_get_regs(t->tid, &regs) < 0)
		return;
	nr = arch_regs_nr(&regs);
	if (!policy_filter_kills(run->p, nr))
		return;
	regs_args(&regs, args);
	policy_filter_rule(run->p, nr, args, rule, sizeof(rule));
	n = format_enter(t->tid, nr, args, line, sizeof(line));
	snprintf(line + n, sizeof(line) - n, ") = ? killed");
	emit(t->tid, line, arch_syscall_name(nr), arch_syscall_name(nr), rule);
}

static void forget(void)
{
	while (seen) {
		struct seen *next = seen->next;

		free(seen->key);
		free(seen);
		seen = next;
	}
	seen_tail = &seen;
	free(rules);
	rules = NULL;
	nrules = 0;
}

void report_finish(void)
{
	unsigned long total = 0;

	for (struct seen *s = seen; s; s = s->next)
		total += s->count;
	if (!total) {
		forget();
		return;
	}
	for (struct seen *s = seen; s; s = s->next) {
		const char *call = s->key, *object = call + strlen(call) + 1;
		const char *rule = object + strlen(object) + 1;

		/* "socket (rule)" rather than "socket socket (rule)". */
		fprintf(out(), "ptsandbox: denied %lu time%s: %s%s%s (%s)\n", s->count,
			s->count == 1 ? "" : "s", call, strcmp(call, object) ? " " : "",
			strcmp(call, object) ? object : "", rule);
	}
	fflush(out());
	forget();
}
