/* SPDX-License-Identifier: MIT */
/*
 * What a syscall named, for reports and --learn only (never for a
 * decision): the files it touched, resolved to absolute paths in the
 * guest's view, with the access kind each needs, and the TCP port or
 * abstract socket of a connect or bind.
 */
#ifndef PTSANDBOX_POLICY_PATHS_H
#define PTSANDBOX_POLICY_PATHS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct sysobj {
	char path[PATH_MAX];
	unsigned int access; /* PACC_* */
	bool parent;	     /* the access is needed on the containing directory */
	bool created;	     /* O_CREAT: may have made the file */
};

/* Is nr a call that paths_of_call() knows? */
bool paths_known(long nr);

/* The files of the call (0, 1 or 2: rename and link have two). */
int paths_of_call(pid_t tid, long nr, const uint64_t args[6], struct sysobj out[2]);

/*
 * For the entry-side guess only (report.c), at the seccomp stop of a
 * one-file call (open family, creat, truncate, mkdir, unlink, rmdir,
 * symlink, ioctl, exec): the object whose rights Landlock will check,
 * resolved now as the kernel will resolve it, with the access it needs.
 * 1 with *out set; 0 when no file right is asked (O_PATH; a name that
 * does not exist and is neither created nor run; an ioctl on a file
 * that is not a device); -1 when it cannot be known exactly from
 * outside (a magic link, a procfs object, a dangling symlink that
 * O_CREAT would follow, an exec's interpreter, rename and link, mknod):
 * then the result must be seen.
 */
int paths_entry_object(pid_t tid, long nr, const uint64_t args[6], struct sysobj *out);

/*
 * What an exec of exe also runs: its ELF interpreter or its "#!" one,
 * resolved into real (len >= PATH_MAX).  false if none.
 */
bool paths_interpreter(const char *exe, char *real, size_t len);

enum sock_kind { SOCK_NONE, SOCK_TCP, SOCK_ABSTRACT, SOCK_OTHER };

/* The address of a connect/bind/sendto/sendmsg: port or abstract name. */
enum sock_kind sock_of_call(pid_t tid, long nr, const uint64_t args[6], int *port, char *name,
			    size_t len);

/* "/usr/bin/x" -> "/usr/bin"; "/" stays "/". */
void path_dirname(char *path);

/* Is path equal to or beneath dir (component-wise)? */
bool path_beneath(const char *path, const char *dir);

#endif
