// SPDX-License-Identifier: MIT
/*
 * int80: syscalls of the other x86_64 ABIs, which the seccomp filter
 * traps and the tracer must let run with their native meaning:
 * i386 int 0x80 getpid (20), write (4), an unknown number, and an x32
 * getpid (usually ENOSYS: x32 is rarely enabled).  Ends with the
 * i386 exit_group (252), so the exit status comes from int 0x80 too.
 * Prints only what is the same in every run (no pids).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifdef __x86_64__
#include <sys/mman.h>
#include <sys/syscall.h>

#define X32_SYSCALL_BIT 0x40000000L

static long int80(long nr, long a, long b, long c)
{
	long ret;

	/* int 0x80 clobbers r8-r11 on some kernels; say so. */
	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "0"(nr), "b"(a), "c"(b), "d"(c)
			 : "memory", "r8", "r9", "r10", "r11");
	return ret;
}

static void show(const char *what, long ret, long native)
{
	if (ret == native)
		printf("%s: same as native ABI\n", what);
	else if (ret < 0 && ret > -4096)
		printf("%s: error %s\n", what, strerror((int)-ret));
	else
		printf("%s: differs\n", what);
}

int main(void)
{
	static const char msg[] = "written by int 0x80 write\n";
	char *buf;
	long ret;

	/* int 0x80 passes 32-bit pointers: the buffer must be below 4 GiB. */
	buf = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT,
		   -1, 0);
	if (buf == MAP_FAILED)
		return 2;
	memcpy(buf, msg, sizeof(msg));
	show("int 0x80 getpid", int80(20, 0, 0, 0), getpid());
	fflush(stdout);
	ret = int80(4, STDOUT_FILENO, (long)buf, (long)strlen(msg));
	printf("int 0x80 write returned %ld\n", ret);
	show("int 0x80 unknown syscall", int80(9999, 0, 0, 0), -ENOSYS);
	errno = 0;
	ret = syscall(X32_SYSCALL_BIT | SYS_getpid);
	show("x32 getpid", ret < 0 ? -errno : ret, getpid());
	fflush(stdout);
	int80(252, 42, 0, 0);
	printf("int 0x80 exit_group returned\n");
	return 1;
}
#else
int main(void)
{
	printf("int80: not an x86_64 build\n");
	return 77;
}
#endif
