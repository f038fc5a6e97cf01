// SPDX-License-Identifier: MIT
/*
 * A fixed sequence of simple syscalls for tests/e2e/trace.sh, which
 * traces it with strace and with ptsandbox --trace and compares the
 * lines.  Every call goes through libc wrappers whose syscall is the
 * same on every glibc (openat, read, write, close, mmap, munmap, kill,
 * getpid, nanosleep).
 *
 * "noopen" as argv[1] skips every file call (the --trace=open... tests
 * need a run without openat).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

static int file_calls(void)
{
	char buf[16];
	ssize_t n;
	int fd;

	/* A failing open: ENOENT. */
	if (open("/nonexistent/ptsandbox-trace", O_RDONLY) >= 0 || errno != ENOENT)
		return 1;
	fd = open("/dev/null", O_RDONLY);
	if (fd < 0)
		return 1;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	static const char msg[] = "trace_calls\n";
	struct timespec ts = {0, 1000000};
	struct sigaction sa;
	void *p;

	if (argc < 2 || strcmp(argv[1], "noopen") != 0)
		if (file_calls())
			return 1;
	if (write(1, msg, sizeof(msg) - 1) != sizeof(msg) - 1)
		return 1;
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	munmap(p, 4096);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	nanosleep(&ts, NULL);
	close(-1);
	return got == SIGUSR1 ? 3 : 1;
}
