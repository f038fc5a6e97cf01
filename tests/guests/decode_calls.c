// SPDX-License-Identifier: MIT
/*
 * Calls whose strace decoding goes beyond an argument kind, for
 * tests/e2e/trace.sh to compare with strace: named results (prctl,
 * personality, membarrier), value-result lengths, socket option
 * structs, control messages, capabilities, openat2, seccomp, kcmp,
 * F_GETOWN_EX, terminal and interface ioctls, timer_create's sigevent,
 * io_setup, sendmmsg/recvmmsg and rt_sigreturn's restored mask.  Prints nothing;
 * exits 0.  Nothing in a line depends on the run (no pids, no ports).
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/aio_abi.h>
#include <linux/capability.h>
#include <linux/kcmp.h>
#include <linux/membarrier.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>

/* Terminal requests on a bad descriptor: the kernel fails, strace decodes. */
static void ioctls(void)
{
	struct termios t;
	struct ifreq ifr;
	int sk;

	memset(&t, 0, sizeof(t));
	t.c_iflag = ICRNL | IXON;
	t.c_oflag = OPOST | ONLCR | TAB3;
	t.c_cflag = B38400 | CS8 | CREAD;
	t.c_lflag = ISIG | ICANON | ECHO | IEXTEN | ECHOCTL | TOSTOP;
	ioctl(-1, TCSETS, &t);
	memset(&t, 0, sizeof(t));
	ioctl(-1, TCSETSW, &t);
	ioctl(-1, TCXONC, TCOON);
	ioctl(-1, TCFLSH, TCIOFLUSH);
	sk = socket(AF_INET, SOCK_DGRAM, 0);
	if (sk < 0)
		return;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	ioctl(sk, SIOCGIFINDEX, &ifr);
	ioctl(sk, SIOCGIFFLAGS, &ifr);
	close(sk);
}

static void timers(void)
{
	struct sigevent ev;
	timer_t t;
	aio_context_t ctx = 0;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR2;
	ev.sigev_value.sival_int = 7;
	if (timer_create(CLOCK_MONOTONIC, &ev, &t) == 0)
		timer_delete(t);
	ev.sigev_notify = SIGEV_NONE;
	if (timer_create(CLOCK_REALTIME, &ev, &t) == 0)
		timer_delete(t);
	if (syscall(SYS_io_setup, 4, &ctx) == 0)
		syscall(SYS_io_destroy, ctx);
}

/* Two datagrams out with sendmmsg, in with recvmmsg. */
static void mmsgs(void)
{
	struct mmsghdr out[2], in[2];
	struct iovec oio[2], iio[2];
	char a = 'a', b = 'b', r[2];
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return;
	memset(out, 0, sizeof(out));
	memset(in, 0, sizeof(in));
	oio[0] = (struct iovec){&a, 1};
	oio[1] = (struct iovec){&b, 1};
	iio[0] = (struct iovec){&r[0], 1};
	iio[1] = (struct iovec){&r[1], 1};
	for (int i = 0; i < 2; i++) {
		out[i].msg_hdr.msg_iov = &oio[i];
		out[i].msg_hdr.msg_iovlen = 1;
		in[i].msg_hdr.msg_iov = &iio[i];
		in[i].msg_hdr.msg_iovlen = 1;
	}
	sendmmsg(sv[0], out, 2, 0);
	recvmmsg(sv[1], in, 2, MSG_DONTWAIT, NULL);
	close(sv[0]);
	close(sv[1]);
}

static void on_usr1(int sig)
{
	(void)sig;
}

static void sockets(void)
{
	struct linger lg = {1, 5};
	socklen_t len = 128;
	char addr[128];
	int sv[2], fds[2] = {0, 1};
	char byte = 'x', rbyte;
	struct iovec io = {&byte, 1}, rio = {&rbyte, 1};
	union {
		char b[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} ctl, rctl;
	struct msghdr m = {0}, rm = {0};
	struct cmsghdr *c;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		return;
	getsockname(sv[0], (struct sockaddr *)addr, &len);
	setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	len = sizeof(lg);
	getsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, &len);
	memset(&ctl, 0, sizeof(ctl));
	m.msg_iov = &io;
	m.msg_iovlen = 1;
	m.msg_control = ctl.b;
	m.msg_controllen = sizeof(ctl.b);
	c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(fds));
	memcpy(CMSG_DATA(c), fds, sizeof(fds));
	sendmsg(sv[0], &m, 0);
	rm.msg_iov = &rio;
	rm.msg_iovlen = 1;
	rm.msg_control = rctl.b;
	rm.msg_controllen = sizeof(rctl.b);
	recvmsg(sv[1], &rm, MSG_CMSG_CLOEXEC);
}

int main(void)
{
	struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct d[2];
	struct open_how how = {.flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_NO_SYMLINKS};
	unsigned int act = SECCOMP_RET_KILL_PROCESS;
	struct f_owner_ex owner;
	sigset_t block;
	int fd;

	prctl(PR_GET_DUMPABLE);
	personality(0xffffffff);
	syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0);
	sockets();
	syscall(SYS_capget, &h, d);
	syscall(SYS_capset, &h, d);
	fd = (int)syscall(SYS_openat2, AT_FDCWD, "/dev/null", &how, sizeof(how));
	fcntl(fd, F_GETOWN_EX, &owner);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act);
	syscall(SYS_kcmp, 0, 0, KCMP_FILE, 0, 1);
	ioctls();
	timers();
	mmsgs();
	/* A handler that returns with CHLD and TERM blocked. */
	signal(SIGUSR1, on_usr1);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_SETMASK, &block, NULL);
	raise(SIGUSR1);
	return 0;
}
