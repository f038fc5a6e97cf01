// SPDX-License-Identifier: MIT
/*
 * escape ROUTE ARGS...: try one way out of a sandbox and print
 * "ROUTE: ok" or "ROUTE: ERRNAME", then go on ("after") and exit 0.
 * The e2e test (policy.sh) runs each route under a policy that forbids
 * it and checks the errno, that the guest went on, and the report.
 *
 *   read FILE | write FILE | dotdot DIR FILE | symlink DIR FILE
 *   procroot FILE | proccwd DIR FILE | openat2 FILE | thread FILE
 *   child FILE | exec FILE | hardlink FILE DIR | renameout FILE DEST
 *   truncate FILE | mknod DIR | devioctl DEV | tiocsti | io_uring | mount | bpf
 *   userfaultfd | ptrace PID | kill PID | udp | tcp PORT | bindtcp PORT
 *   nofile | as | abstract NAME | listen NAME (outside: the socket to reach) | rlimit-raise |
 * getpid | getppid | fsize FILE
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static const char *route;

static int result(int rc)
{
	const char *e = strerrorname_np(errno);

	if (rc >= 0)
		printf("%s: ok\n", route);
	else
		printf("%s: %s\n", route, e ? e : "?");
	return rc;
}

static int open_read(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd >= 0)
		close(fd);
	return fd;
}

static int thread_errno;

static void *thread_main(void *arg)
{
	int rc = open_read(arg);

	thread_errno = errno;
	return (void *)(intptr_t)rc;
}

static int in_thread(const char *path)
{
	pthread_t th;
	void *rc;
	int err;

	pthread_create(&th, NULL, thread_main, (void *)path);
	pthread_join(th, &rc);
	err = thread_errno;
	errno = err;
	return (int)(intptr_t)rc;
}

static int in_child(const char *path)
{
	int status, p[2], err = 0, rc;
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		rc = open_read(path);
		err = rc < 0 ? errno : 0;
		if (write(p[1], &err, sizeof(err)) < 0)
			_exit(2);
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &err, sizeof(err)) != sizeof(err))
		err = EIO;
	waitpid(pid, &status, 0);
	errno = err;
	return err ? -1 : 0;
}

static int tcp_to(int port, bool bind_it)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	int fd = socket(AF_INET, SOCK_STREAM, 0), rc;

	if (fd < 0)
		return -1;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rc = bind_it ? bind(fd, (struct sockaddr *)&sa, sizeof(sa))
		     : connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	close(fd);
	return rc;
}

static int abstract(const char *name)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	socklen_t len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name));

	memcpy(sa.sun_path + 1, name, strlen(name));
	return connect(fd, (struct sockaddr *)&sa, len);
}

/* Outside the sandbox: an abstract socket to try to reach; "listen: ok" when ready. */
static int listen_abstract(const char *name)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	socklen_t len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name));

	memcpy(sa.sun_path + 1, name, strlen(name));
	if (bind(fd, (struct sockaddr *)&sa, len) < 0 || listen(fd, 8) < 0)
		return -1;
	result(0);
	fclose(stdout);
	for (;;)
		pause();
}

static int run(int argc, char **argv)
{
	const char *a = argc > 2 ? argv[2] : "", *b = argc > 3 ? argv[3] : "";
	char buf[4096];

	if (!strcmp(route, "read"))
		return open_read(a);
	if (!strcmp(route, "write"))
		return open(a, O_WRONLY | O_CREAT, 0644);
	if (!strcmp(route, "dotdot") || !strcmp(route, "symlink") || !strcmp(route, "proccwd")) {
		if (!strcmp(route, "symlink")) {
			snprintf(buf, sizeof(buf), "%s/link", a);
			if (symlink(b, buf) < 0)
				return -1;
			return open_read(buf);
		}
		if (chdir(a) < 0)
			return -1;
		snprintf(buf, sizeof(buf), "%s%s",
			 !strcmp(route, "proccwd") ? "/proc/self/cwd/" : "", b);
		return open_read(buf);
	}
	if (!strcmp(route, "procroot")) {
		snprintf(buf, sizeof(buf), "/proc/self/root%s", a);
		return open_read(buf);
	}
	if (!strcmp(route, "openat2")) {
		uint64_t how[3] = {O_RDONLY, 0, 0};

		return (int)syscall(SYS_openat2, AT_FDCWD, a, how, sizeof(how));
	}
	if (!strcmp(route, "thread"))
		return in_thread(a);
	if (!strcmp(route, "child"))
		return in_child(a);
	if (!strcmp(route, "exec")) {
		execl("/bin/cat", "cat", a, (char *)NULL);
		return -1;
	}
	if (!strcmp(route, "hardlink")) {
		snprintf(buf, sizeof(buf), "%s/hard", b);
		return link(a, buf);
	}
	if (!strcmp(route, "renameout"))
		return rename(a, b);
	if (!strcmp(route, "truncate"))
		return truncate(a, 0);
	if (!strcmp(route, "mknod")) {
		snprintf(buf, sizeof(buf), "%s/disk", a);
		return mknod(buf, S_IFBLK | 0600, makedev(8, 0));
	}
	if (!strcmp(route, "devioctl")) {
		struct termios t;
		int fd = open(a, O_RDONLY);

		return fd < 0 ? -1 : ioctl(fd, TCGETS, &t);
	}
	if (!strcmp(route, "tiocsti")) {
		char c = 'x';

		return ioctl(0, TIOCSTI, &c);
	}
	if (!strcmp(route, "io_uring")) {
		memset(buf, 0, sizeof(buf));
		return (int)syscall(SYS_io_uring_setup, 4, buf);
	}
	if (!strcmp(route, "mount"))
		return mount("none", "/mnt", "tmpfs", 0, NULL);
	if (!strcmp(route, "bpf"))
		return (int)syscall(SYS_bpf, 0, NULL, 0);
	if (!strcmp(route, "userfaultfd"))
		return (int)syscall(SYS_userfaultfd, 0);
	if (!strcmp(route, "ptrace"))
		return (int)ptrace(PTRACE_ATTACH, atoi(a), NULL, NULL);
	if (!strcmp(route, "kill"))
		return kill(atoi(a), 0);
	if (!strcmp(route, "udp"))
		return socket(AF_INET, SOCK_DGRAM, 0);
	if (!strcmp(route, "tcp"))
		return tcp_to(atoi(a), false);
	if (!strcmp(route, "bindtcp"))
		return tcp_to(atoi(a), true);
	if (!strcmp(route, "abstract"))
		return abstract(a);
	if (!strcmp(route, "listen"))
		return listen_abstract(a);
	if (!strcmp(route, "rlimit-raise")) {
		struct rlimit rl;

		getrlimit(RLIMIT_NOFILE, &rl);
		rl.rlim_max += 1;
		return setrlimit(RLIMIT_NOFILE, &rl);
	}
	if (!strcmp(route, "nofile")) {
		while (open("/etc/passwd", O_RDONLY) >= 0)
			;
		return -1;
	}
	if (!strcmp(route, "as"))
		return mmap(NULL, 1UL << 30, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			    -1, 0) == MAP_FAILED
			   ? -1
			   : 0;
	if (!strcmp(route, "getpid"))
		return (int)syscall(SYS_getpid);
	if (!strcmp(route, "getppid"))
		return (int)syscall(SYS_getppid);
	if (!strcmp(route, "fsize")) {
		int fd = open(a, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		/* The first write is cut at the limit; the next one fails. */
		signal(SIGXFSZ, SIG_IGN);
		memset(buf, 'x', sizeof(buf));
		if (write(fd, buf, sizeof(buf)) < 0)
			return -1;
		return (int)write(fd, buf, sizeof(buf));
	}
	fprintf(stderr, "escape: unknown route %s\n", route);
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	route = argv[1];
	setvbuf(stdout, NULL, _IONBF, 0);
	result(run(argc, argv));
	printf("after\n");
	return 0;
}
