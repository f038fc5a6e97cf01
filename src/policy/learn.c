// SPDX-License-Identifier: MIT
/*
 * --learn: the guest runs unconfined; every call a policy could deny
 * stops (the same calls report.c explains), and each one that
 * succeeded adds what it needed.  At the end the accesses are
 * generalised as a person would write them and written in the
 * --policy grammar:
 * - reads and executes under a system tree (/usr, /lib, /bin, /proc,
 *   ...) become the whole tree; writes there stay where they were;
 * - anything under the working tree or the temporary directory becomes
 *   that tree, whatever the access;
 * - anything else stays a single file (or the directory a file was
 *   created, removed or renamed in);
 * - rules beneath a rule that already gives their access are dropped.
 * Paths are resolved when the call starts (an execve's arguments are
 * gone at its exit), and only the calls that succeeded count.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netinet/in.h>

#include "arch/arch.h"
#include "log.h"
#include "policy/hooks.h"
#include "policy/learn.h"
#include "policy/paths.h"
#include "policy/policy.h"
#include "seccomp_filter.h"
#include "task.h"

struct access {
	char *path;
	unsigned int access;
	struct access *next;
};

static const char *const system_trees[] = {"/usr", "/lib",  "/lib32", "/lib64", "/libx32",
					   "/bin", "/sbin", "/opt",   "/proc",	"/sys"};

static char *out_file;
static char command[512];
static char cwd_tree[PATH_MAX], tmp_tree[PATH_MAX];
static struct sysset watched;
static struct access *accesses;
static uint16_t connects[POLICY_MAX_PORTS], binds[POLICY_MAX_PORTS];
static int nconnects, nbinds;
static bool other_sockets;
static struct sysset denied_list, used_denied;

static void add_access(const char *path, unsigned int access)
{
	struct access *a;

	if (!access || path[0] != '/')
		return;
	for (a = accesses; a; a = a->next)
		if (!strcmp(a->path, path)) {
			a->access |= access;
			return;
		}
	a = calloc(1, sizeof(*a));
	if (!a || !(a->path = strdup(path))) {
		free(a);
		return;
	}
	a->access = access;
	a->next = accesses;
	accesses = a;
}

static void add_port(uint16_t *ports, int *n, int port)
{
	for (int i = 0; i < *n; i++)
		if (ports[i] == port)
			return;
	if (*n < POLICY_MAX_PORTS)
		ports[(*n)++] = (uint16_t)port;
}

static bool watches(long nr)
{
	return sysset_has(&watched, nr);
}

/* What an exec also opens for execution: the ELF interpreter or the #! one, and theirs. */
static void add_interpreters(const char *path)
{
	char cur[PATH_MAX], next[PATH_MAX];

	snprintf(cur, sizeof(cur), "%s", path);
	for (int depth = 0; depth < 4 && paths_interpreter(cur, next, sizeof(next)); depth++) {
		add_access(next, PACC_READ | PACC_EXEC);
		memcpy(cur, next, sizeof(cur));
	}
}

struct entered {
	int n;
	struct sysobj obj[2];
};

static void *enter(struct task *t, long nr, const uint64_t args[6])
{
	struct entered *e;

	if (!paths_known(nr))
		return NULL;
	e = malloc(sizeof(*e));
	if (e)
		e->n = paths_of_call(t->tid, nr, args, e->obj);
	return e;
}

static void record_files(const struct entered *e, long nr)
{
	const char *name = arch_syscall_name(nr);
	char dir[PATH_MAX];

	for (int i = 0; i < e->n; i++) {
		const struct sysobj *o = &e->obj[i];
		struct stat st;

		/* A created file needs the right on its directory; an existing one, on itself. */
		if (o->parent ||
		    (o->created && !(stat(o->path, &st) == 0 && S_ISCHR(st.st_mode)))) {
			memcpy(dir, o->path, sizeof(dir));
			path_dirname(dir);
			add_access(dir, o->access | PACC_READ);
		} else {
			add_access(o->path, o->access);
		}
		if (name && !strncmp(name, "execve", 6))
			add_interpreters(o->path);
	}
}

static void record_socket(struct task *t, long nr, const uint64_t args[6])
{
	const char *name = arch_syscall_name(nr);
	char sockname[64];
	int port = 0;

	if (!strcmp(name, "socket")) {
		int domain = (int)args[0], type = (int)args[1] & 0xf;

		if ((domain == AF_INET || domain == AF_INET6) &&
		    (type != SOCK_STREAM || (args[2] && args[2] != IPPROTO_TCP)))
			other_sockets = true;
		else if (domain != AF_INET && domain != AF_INET6 && domain != AF_UNIX &&
			 domain != AF_NETLINK)
			other_sockets = true;
		return;
	}
	if (sock_of_call(t->tid, nr, args, &port, sockname, sizeof(sockname)) != SOCK_TCP)
		return;
	if (!strcmp(name, "bind"))
		add_port(binds, &nbinds, port);
	else if (!strcmp(name, "connect"))
		add_port(connects, &nconnects, port);
}

static bool reached_file(int64_t ret)
{
	switch (-ret) {
	case ENOENT:
	case ENOTDIR:
	case ELOOP:
	case ENAMETOOLONG:
	case EFAULT:
	case EBADF:
	case EINVAL:
	case EEXIST:
		return false;
	default:
		return true;
	}
}

static void learn_exit(struct task *t, long nr, const uint64_t args[6], int64_t ret, void *cookie)
{
	struct entered *e = cookie;
	const char *name = arch_syscall_name(nr);

	/* Called at all: under the policy it would fail differently. */
	if (sysset_has(&denied_list, nr))
		sysset_add(&used_denied, nr);
	/*
	 * A failure that got as far as the file (ENXIO of /dev/tty without
	 * a terminal) would be Landlock's EACCES instead: it counts too.
	 * connect on a non-blocking socket: EINPROGRESS is a connection made.
	 */
	if (e && (ret >= 0 || reached_file(ret)))
		record_files(e, nr);
	else if (!e && name && (ret >= 0 || ret == -EINPROGRESS))
		record_socket(t, nr, args);
	free(e);
}

static const struct policy_sink learn_sink = {
    .watches = watches, .enter = enter, .exit = learn_exit, .finish = learn_finish};

static void watch(struct sysset *trap, const char *name)
{
	long nr = arch_syscall_lookup(name);

	if (nr < 0)
		return;
	sysset_add(trap, nr);
	sysset_add(&watched, nr);
}

int learn_start(const char *file, char *const argv[], struct sysset *trap)
{
	static const char *const calls[] = {
	    "open",	 "openat",  "openat2",	 "creat",    "execve",	"execveat",
	    "mkdir",	 "mkdirat", "mknod",	 "mknodat",  "unlink",	"unlinkat",
	    "rmdir",	 "symlink", "symlinkat", "truncate", "rename",	"renameat",
	    "renameat2", "link",    "linkat",	 "socket",   "connect", "bind",
	};
	const char *tmp = getenv("TMPDIR");
	char real[PATH_MAX];

	/* The file is written at the end, relative to where ptsandbox started. */
	if (file[0] == '/') {
		out_file = strdup(file);
	} else if (getcwd(real, sizeof(real))) {
		size_t n = strlen(real) + strlen(file) + 2;

		out_file = malloc(n);
		if (out_file)
			snprintf(out_file, n, "%s/%s", real, file);
	}
	if (!out_file) {
		psb_error("--learn: cannot name '%s'", file);
		return -1;
	}
	command[0] = '\0';
	for (int i = 0; argv[i]; i++) {
		size_t n = strlen(command);

		snprintf(command + n, sizeof(command) - n, "%s%s", i ? " " : "", argv[i]);
	}
	if (getcwd(real, sizeof(real)) && realpath(real, cwd_tree) && !strcmp(cwd_tree, "/"))
		cwd_tree[0] = '\0';
	if (!realpath(tmp && *tmp == '/' ? tmp : "/tmp", tmp_tree))
		tmp_tree[0] = '\0';
	sysset_clear(&watched);
	sysset_clear(&used_denied);
	sysset_clear(&denied_list);
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		watch(trap, calls[i]);
	for (size_t i = 0; policy_always_denied[i]; i++) {
		watch(trap, policy_always_denied[i]);
		sysset_add(&denied_list, arch_syscall_lookup(policy_always_denied[i]));
	}
	hooks_set_sink(&learn_sink);
	return 0;
}

static bool gone(const char *path)
{
	struct stat st;

	return strcmp(path, "/") && stat(path, &st) < 0;
}

/* The rule a person would write for an access to path. */
static void generalise(const char *path, unsigned int access, char *rule, size_t len)
{
	if (cwd_tree[0] && path_beneath(path, cwd_tree)) {
		snprintf(rule, len, "%s", cwd_tree);
		return;
	}
	if (tmp_tree[0] && path_beneath(path, tmp_tree)) {
		snprintf(rule, len, "%s", tmp_tree);
		return;
	}
	for (size_t i = 0;
	     !(access & PACC_WRITE) && i < sizeof(system_trees) / sizeof(system_trees[0]); i++)
		if (path_beneath(path, system_trees[i])) {
			snprintf(rule, len, "%s", system_trees[i]);
			return;
		}
	snprintf(rule, len, "%s", path);
	/* A file gone by now (a temporary one): its nearest directory still there. */
	while (gone(rule))
		path_dirname(rule);
}

static const char *option_of(unsigned int a)
{
	if ((a & PACC_WRITE) && (a & PACC_EXEC))
		return "rwx";
	if (a & PACC_WRITE)
		return "rw";
	if (a & PACC_EXEC)
		return "rox";
	return "ro";
}

struct rule {
	char path[PATH_MAX];
	unsigned int access;
};

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct rule *)a)->path, ((const struct rule *)b)->path);
}

static bool implicit(const char *path)
{
	return !strcmp(path, "/dev/null") || !strcmp(path, "/dev/zero") ||
	       !strcmp(path, "/dev/full");
}

/* Generalised, merged, and without the rules another one already covers. */
static int make_rules(struct rule **out)
{
	struct rule *r;
	int n = 0, k = 0;

	for (struct access *a = accesses; a; a = a->next)
		n++;
	r = calloc((size_t)n + 1, sizeof(*r));
	if (!r)
		return -1;
	for (struct access *a = accesses; a; a = a->next) {
		char path[PATH_MAX];
		int i;

		if (implicit(a->path))
			continue;
		generalise(a->path, a->access, path, sizeof(path));
		for (i = 0; i < k && strcmp(r[i].path, path); i++)
			;
		if (i == k)
			snprintf(r[k++].path, sizeof(r->path), "%s", path);
		r[i].access |= a->access | PACC_READ;
	}
	for (int i = 0; i < k; i++)
		for (int j = 0; j < k; j++)
			if (i != j && r[j].access && path_beneath(r[i].path, r[j].path) &&
			    strcmp(r[i].path, r[j].path) && !(r[i].access & ~r[j].access)) {
				r[i].access = 0;
				break;
			}
	qsort(r, (size_t)k, sizeof(*r), by_path);
	*out = r;
	return k;
}

static void forget(void)
{
	while (accesses) {
		struct access *next = accesses->next;

		free(accesses->path);
		free(accesses);
		accesses = next;
	}
	free(out_file);
	out_file = NULL;
}

void learn_finish(void)
{
	struct rule *rules;
	int n;
	FILE *f;

	if (!out_file)
		return;
	n = make_rules(&rules);
	f = n < 0 ? NULL : fopen(out_file, "we");
	if (!f) {
		psb_perror("--learn: cannot write '%s'", out_file);
		if (n >= 0)
			free(rules);
		forget();
		return;
	}
	fprintf(f,
		"# ptsandbox policy written by --learn: the accesses of one run, generalised.\n");
	fprintf(f, "# command: %s\n", command);
	for (int i = 0; i < n; i++)
		if (rules[i].access)
			fprintf(f, "--%s=%s\n", option_of(rules[i].access), rules[i].path);
	if (other_sockets) {
		fprintf(f, "# the run used UDP or raw sockets: no --net rule can allow them\n");
	} else {
		fprintf(f, "--net=none\n");
		for (int i = 0; i < nconnects; i++)
			fprintf(f, "--connect=%u\n", connects[i]);
		for (int i = 0; i < nbinds; i++)
			fprintf(f, "--bind=%u\n", binds[i]);
	}
	for (long nr = 0; nr < SYSSET_MAX; nr++)
		if (sysset_has(&used_denied, nr))
			fprintf(f, "--allow=%s\n", arch_syscall_name(nr));
	if (fclose(f) != 0)
		psb_perror("--learn: cannot write '%s'", out_file);
	free(rules);
	forget();
}
