// SPDX-License-Identifier: MIT
/*
 * execvp(3)'s PATH search, done before the fork.  The guest's exec
 * step then runs execve on the result, so a trace shows one execve
 * (as strace's does) and a program that is not there is reported
 * without starting a guest at all.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "options.h"
#include "resolve.h"

/* A file execve could run: a regular file we may execute. 0 or errno. */
static int runnable(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return errno;
	if (!S_ISREG(st.st_mode))
		return EACCES;
	if (faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) < 0)
		return errno;
	return 0;
}

static char *default_path(void)
{
	size_t n = confstr(_CS_PATH, NULL, 0);
	char *p = n ? malloc(n) : NULL;

	if (p)
		confstr(_CS_PATH, p, n);
	return p;
}

/* Does the execvp(3) search go on to the next entry after err? */
static bool try_next(int err)
{
	return err == ENOENT || err == ENOTDIR || err == ESTALE || err == ENODEV ||
	       err == ETIMEDOUT || err == EACCES;
}

/* name has no '/': look along path. */
static char *search(const char *name, const char *path)
{
	size_t nlen = strlen(name);
	bool denied = false;
	int err = ENOENT;

	for (const char *p = path;; p++) {
		const char *end = strchrnul(p, ':');
		size_t dlen = (size_t)(end - p);
		char *cand = malloc(dlen + nlen + 3);

		if (!cand)
			return NULL;
		/* An empty entry is the current directory. */
		if (dlen)
			memcpy(cand, p, dlen);
		else
			cand[dlen++] = '.';
		cand[dlen] = '/';
		memcpy(cand + dlen + 1, name, nlen + 1);
		err = runnable(cand);
		if (!err)
			return cand;
		free(cand);
		if (err == EACCES)
			denied = true;
		if (!try_next(err))
			break;
		p = end;
		if (!*p)
			break;
	}
	errno = denied && try_next(err) ? EACCES : err;
	return NULL;
}

char *resolve_program(const char *name)
{
	const char *env = getenv("PATH");
	char *dflt = NULL, *found;
	int err;

	if (!*name) {
		errno = ENOENT;
		return NULL;
	}
	if (strchr(name, '/')) {
		err = runnable(name);
		if (err) {
			errno = err;
			return NULL;
		}
		return strdup(name);
	}
	if (strlen(name) > NAME_MAX) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if (!env) {
		env = dflt = default_path();
		if (!env)
			return NULL;
	}
	found = search(name, env);
	err = errno;
	free(dflt);
	errno = err;
	return found;
}

static bool is_directory(const char *path)
{
	struct stat st;

	return strchr(path, '/') && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int resolve_report(const char *name, int err)
{
	if (err == EACCES && is_directory(name)) {
		psb_error("'%s': Is a directory", name);
		return EXIT_CANNOT_EXEC;
	}
	psb_error("'%s': %s", name, strerror(err));
	return err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}
