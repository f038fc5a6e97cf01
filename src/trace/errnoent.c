// SPDX-License-Identifier: MIT
/*
 * errno names for "= -1 ENOENT (No such file or directory)".  Aliases
 * (EWOULDBLOCK, EDEADLOCK, ENOTSUP) print as their primary name, as in
 * strace.  The kernel-internal restart codes (512..) only reach a
 * tracer, never the guest; strace prints them as "= ? ERESTARTSYS".
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../restart.h"
#include "decode.h"
#include "decode_impl.h"

#define E(e) [e] = #e

static const char *const errno_names[] = {
    E(EPERM),
    E(ENOENT),
    E(ESRCH),
    E(EINTR),
    E(EIO),
    E(ENXIO),
    E(E2BIG),
    E(ENOEXEC),
    E(EBADF),
    E(ECHILD),
    E(EAGAIN),
    E(ENOMEM),
    E(EACCES),
    E(EFAULT),
    E(ENOTBLK),
    E(EBUSY),
    E(EEXIST),
    E(EXDEV),
    E(ENODEV),
    E(ENOTDIR),
    E(EISDIR),
    E(EINVAL),
    E(ENFILE),
    E(EMFILE),
    E(ENOTTY),
    E(ETXTBSY),
    E(EFBIG),
    E(ENOSPC),
    E(ESPIPE),
    E(EROFS),
    E(EMLINK),
    E(EPIPE),
    E(EDOM),
    E(ERANGE),
    E(EDEADLK),
    E(ENAMETOOLONG),
    E(ENOLCK),
    E(ENOSYS),
    E(ENOTEMPTY),
    E(ELOOP),
    E(ENOMSG),
    E(EIDRM),
    E(ECHRNG),
    E(EL2NSYNC),
    E(EL3HLT),
    E(EL3RST),
    E(ELNRNG),
    E(EUNATCH),
    E(ENOCSI),
    E(EL2HLT),
    E(EBADE),
    E(EBADR),
    E(EXFULL),
    E(ENOANO),
    E(EBADRQC),
    E(EBADSLT),
    E(EBFONT),
    E(ENOSTR),
    E(ENODATA),
    E(ETIME),
    E(ENOSR),
    E(ENONET),
    E(ENOPKG),
    E(EREMOTE),
    E(ENOLINK),
    E(EADV),
    E(ESRMNT),
    E(ECOMM),
    E(EPROTO),
    E(EMULTIHOP),
    E(EDOTDOT),
    E(EBADMSG),
    E(EOVERFLOW),
    E(ENOTUNIQ),
    E(EBADFD),
    E(EREMCHG),
    E(ELIBACC),
    E(ELIBBAD),
    E(ELIBSCN),
    E(ELIBMAX),
    E(ELIBEXEC),
    E(EILSEQ),
    E(ERESTART),
    E(ESTRPIPE),
    E(EUSERS),
    E(ENOTSOCK),
    E(EDESTADDRREQ),
    E(EMSGSIZE),
    E(EPROTOTYPE),
    E(ENOPROTOOPT),
    E(EPROTONOSUPPORT),
    E(ESOCKTNOSUPPORT),
    E(EOPNOTSUPP),
    E(EPFNOSUPPORT),
    E(EAFNOSUPPORT),
    E(EADDRINUSE),
    E(EADDRNOTAVAIL),
    E(ENETDOWN),
    E(ENETUNREACH),
    E(ENETRESET),
    E(ECONNABORTED),
    E(ECONNRESET),
    E(ENOBUFS),
    E(EISCONN),
    E(ENOTCONN),
    E(ESHUTDOWN),
    E(ETOOMANYREFS),
    E(ETIMEDOUT),
    E(ECONNREFUSED),
    E(EHOSTDOWN),
    E(EHOSTUNREACH),
    E(EALREADY),
    E(EINPROGRESS),
    E(ESTALE),
    E(EUCLEAN),
    E(ENOTNAM),
    E(ENAVAIL),
    E(EISNAM),
    E(EREMOTEIO),
    E(EDQUOT),
    E(ENOMEDIUM),
    E(EMEDIUMTYPE),
    E(ECANCELED),
    E(ENOKEY),
    E(EKEYEXPIRED),
    E(EKEYREVOKED),
    E(EKEYREJECTED),
    E(EOWNERDEAD),
    E(ENOTRECOVERABLE),
    E(ERFKILL),
    E(EHWPOISON),
};

/* include/linux/errno.h: not in the uapi headers. */
#define KERNEL_ERRNO_BASE 512

static const struct {
	const char *name;
	const char *text; /* NULL: strerror's "Unknown error N" */
} kernel_errnos[] = {
    {"ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {"ERESTARTNOINTR", "To be restarted"},
    {"ERESTARTNOHAND", "To be restarted if no handler"},
    {"ENOIOCTLCMD", NULL},
    {"ERESTART_RESTARTBLOCK", "Interrupted by signal"},
    {"EPROBE_DEFER", NULL},
    {"EOPENSTALE", NULL},
    {"ENOPARAM", NULL},
    {NULL, NULL},
    {"EBADHANDLE", NULL},
    {"ENOTSYNC", NULL},
    {"EBADCOOKIE", NULL},
    {"ENOTSUPP", NULL},
    {"ETOOSMALL", NULL},
    {"ESERVERFAULT", NULL},
    {"EBADTYPE", NULL},
    {"EJUKEBOX", NULL},
    {"EIOCBQUEUED", NULL},
    {"ERECALLCONFLICT", NULL},
    {"ENOGRACE", NULL},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *errno_name(int err)
{
	if (err > 0 && (size_t)err < COUNT(errno_names))
		return errno_names[err];
	if (err >= KERNEL_ERRNO_BASE && (size_t)(err - KERNEL_ERRNO_BASE) < COUNT(kernel_errnos))
		return kernel_errnos[err - KERNEL_ERRNO_BASE].name;
	return NULL;
}

bool errno_is_restart(int err)
{
	return err == ERESTARTSYS || err == ERESTARTNOINTR || err == ERESTARTNOHAND ||
	       err == ERESTART_RESTARTBLOCK;
}

const char *errno_text(int err)
{
	static const char *known[COUNT(errno_names)];

	if (err >= KERNEL_ERRNO_BASE && (size_t)(err - KERNEL_ERRNO_BASE) < COUNT(kernel_errnos) &&
	    kernel_errnos[err - KERNEL_ERRNO_BASE].text)
		return kernel_errnos[err - KERNEL_ERRNO_BASE].text;
	/*
	 * strerror() looks up a translation on every call.  The text of a
	 * known errno is static and ptsandbox never changes its locale, so
	 * each is looked up once; an unknown one's is a reused buffer.
	 */
	if (err <= 0 || (size_t)err >= COUNT(errno_names) || !errno_names[err])
		return strerror(err);
	if (!known[err])
		known[err] = strerror(err);
	return known[err];
}

int errno_parse(const char *s)
{
	char *end;
	long n;

	if (!*s)
		return -1;
	if (*s >= '0' && *s <= '9') {
		n = strtol(s, &end, 10);
		return !*end && n > 0 && n < 4096 ? (int)n : -1;
	}
	for (int e = 1; e < 4096; e++) {
		const char *name = errno_name(e);

		if (name && !strcmp(name, s))
			return e;
	}
	return -1;
}
