// SPDX-License-Identifier: MIT
/*
 * ioctl's argument kinds (args.c's table refers to pr_ioctl_req and
 * pr_ioctl_arg): the request's name and its argument, including terminal
 * (termios, TCXONC, TCFLSH, TCSBRK, TIOCGPTPEER) and network interface
 * (SIOCGIF*) requests, printed as strace 6 prints them, with its quirks:
 * TCSETS shares its number with OSS's SNDCTL_TMR_START and is named
 * "SNDCTL_TMR_START or TCSETS"; a termios flag word that is 0 prints
 * as nothing, and the multi-bit fields of c_oflag and c_cflag are each
 * followed by '|'.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <net/if.h>
#include <linux/fs.h>
#include <linux/sockios.h>

#include "decode_impl.h"

/* The input baud rate's shift in c_cflag: the kernel's, not in glibc's headers. */
#ifndef IBSHIFT
#define IBSHIFT 16
#endif

static const struct xlat extra_names[] = {{TCSETS, "SNDCTL_TMR_START or TCSETS"},
					  {TCSETSW, "SNDCTL_TMR_STOP or TCSETSW"},
					  {TCSETSF, "SNDCTL_TMR_CONTINUE or TCSETSF"},
					  XLAT(TCGETA),
					  XLAT(TCSETA),
					  XLAT(TCSETAW),
					  XLAT(TCSETAF),
					  XLAT(TCSBRK),
					  XLAT(TCXONC),
#ifdef TIOCGPTPEER
					  XLAT(TIOCGPTPEER),
#endif
					  XLAT(SIOCGIFNAME),
					  XLAT(SIOCGIFCONF),
					  XLAT(SIOCGIFFLAGS),
					  XLAT(SIOCSIFFLAGS),
					  XLAT(SIOCGIFADDR),
					  XLAT(SIOCGIFMTU),
					  XLAT(SIOCGIFHWADDR),
					  XLAT(SIOCGIFINDEX),
					  XLAT_END};

static const struct xlat tcxonc_args[] = {XLAT(TCOOFF), XLAT(TCOON), XLAT(TCIOFF), XLAT(TCION),
					  XLAT_END};

static const struct xlat tcflsh_args[] = {XLAT(TCIFLUSH), XLAT(TCOFLUSH), XLAT(TCIOFLUSH),
					  XLAT_END};

static const struct xlat iflags[] = {XLAT(IGNBRK), XLAT(BRKINT),  XLAT(IGNPAR), XLAT(PARMRK),
				     XLAT(INPCK),  XLAT(ISTRIP),  XLAT(INLCR),	XLAT(IGNCR),
				     XLAT(ICRNL),  XLAT(IUCLC),	  XLAT(IXON),	XLAT(IXANY),
				     XLAT(IXOFF),  XLAT(IMAXBEL), XLAT(IUTF8),	XLAT_END};

static const struct xlat oflags[] = {XLAT(OPOST), XLAT(OLCUC), XLAT(ONLCR),
				     XLAT(OCRNL), XLAT(ONOCR), XLAT(ONLRET),
				     XLAT(OFILL), XLAT(OFDEL), XLAT_END};

/* strace's order, not the bits' (IEXTEN before ECHOCTL, TOSTOP late). */
static const struct xlat lflags[] = {
    XLAT(ISIG),	  XLAT(ICANON), XLAT(XCASE),  XLAT(ECHO),    XLAT(ECHOE),   XLAT(ECHOK),
    XLAT(ECHONL), XLAT(NOFLSH), XLAT(IEXTEN), XLAT(ECHOCTL), XLAT(ECHOPRT), XLAT(ECHOKE),
    XLAT(FLUSHO), XLAT(PENDIN), XLAT(TOSTOP), XLAT(EXTPROC), XLAT_END};

static const struct xlat cflags[] = {XLAT(CSTOPB), XLAT(CREAD),	  XLAT(PARENB),
				     XLAT(PARODD), XLAT(HUPCL),	  XLAT(CLOCAL),
				     XLAT(CMSPAR), XLAT(CRTSCTS), XLAT_END};

static const struct xlat bauds[] = {
    XLAT(B0),	    XLAT(B50),	    XLAT(B75),	    XLAT(B110),	    XLAT(B134),	    XLAT(B150),
    XLAT(B200),	    XLAT(B300),	    XLAT(B600),	    XLAT(B1200),    XLAT(B1800),    XLAT(B2400),
    XLAT(B4800),    XLAT(B9600),    XLAT(B19200),   XLAT(B38400),   XLAT(B57600),   XLAT(B115200),
    XLAT(B230400),  XLAT(B460800),  XLAT(B500000),  XLAT(B576000),  XLAT(B921600),  XLAT(B1000000),
    XLAT(B1152000), XLAT(B1500000), XLAT(B2000000), XLAT(B2500000), XLAT(B3000000), XLAT(B3500000),
    XLAT(B4000000), XLAT_END};

static const struct xlat csizes[] = {XLAT(CS5), XLAT(CS6), XLAT(CS7), XLAT(CS8), XLAT_END};

/* One multi-bit field's value name, then '|' (strace's layout). */
static void field(struct sbuf *sb, uint32_t v, uint32_t mask, const char *const names[])
{
	unsigned int shift = (unsigned int)__builtin_ctz(mask);
	size_t mark = const_begin(sb);

	sb_puts(sb, names[(v & mask) >> shift]);
	const_end_hex(sb, mark, v & mask);
	sb_putc(sb, '|');
}

/* Flag names joined by '|', then unknown bits; nothing at all for 0. */
static void flag_word(struct sbuf *sb, const struct xlat *x, uint32_t v)
{
	if (v)
		print_flags(sb, x, v, NULL);
}

static void print_oflag(struct sbuf *sb, uint32_t v)
{
	static const char *const nl[] = {"NL0", "NL1"}, *const cr[] = {"CR0", "CR1", "CR2", "CR3"},
				 *const tab[] = {"TAB0", "TAB1", "TAB2", "XTABS"},
				 *const bs[] = {"BS0", "BS1"}, *const vt[] = {"VT0", "VT1"},
				 *const ff[] = {"FF0", "FF1"};

	field(sb, v, NLDLY, nl);
	field(sb, v, CRDLY, cr);
	field(sb, v, TABDLY, tab);
	field(sb, v, BSDLY, bs);
	field(sb, v, VTDLY, vt);
	field(sb, v, FFDLY, ff);
	flag_word(sb, oflags, v & ~(uint32_t)(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY));
}

static void print_cflag(struct sbuf *sb, uint32_t v)
{
	uint32_t ibaud = (v >> IBSHIFT) & CBAUD;

	print_xlat(sb, bauds, v & CBAUD, NULL);
	sb_putc(sb, '|');
	if (ibaud) {
		print_xlat(sb, bauds, ibaud, NULL);
		sb_puts(sb, "<<IBSHIFT|");
	}
	print_xlat(sb, csizes, v & CSIZE, NULL);
	sb_putc(sb, '|');
	flag_word(sb, cflags, v & ~(uint32_t)(CBAUD | CSIZE | (CBAUD << IBSHIFT)));
}

/*
 * -v: the line discipline and the kernel's 19 control characters (its
 * struct termios, which TCSETS reads; glibc's has 32 and the speeds).
 */
static void print_termios_rest(struct sbuf *sb, const struct termios *t)
{
	static const char *const cc[] = {"VINTR",  "VQUIT", "VERASE",	"VKILL",    "VEOF",
					 "VTIME",  "VMIN",  "VSWTC",	"VSTART",   "VSTOP",
					 "VSUSP",  "VEOL",  "VREPRINT", "VDISCARD", "VWERASE",
					 "VLNEXT", "VEOL2"};
	size_t mark;

	sb_puts(sb, ", c_line=");
	mark = const_begin(sb);
	if (t->c_line == 0)
		sb_puts(sb, "N_TTY");
	else
		sb_printf(sb, "%#x", t->c_line);
	const_end_hex(sb, mark, t->c_line);
	sb_puts(sb, ", c_cc=[");
	for (unsigned int i = 0; i < 19; i++) {
		if (i < sizeof(cc) / sizeof(cc[0]))
			sb_printf(sb, "%s[%s]=", i ? ", " : "", cc[i]);
		else
			sb_printf(sb, ", [%u]=", i);
		sb_hex(sb, t->c_cc[i]);
	}
	sb_puts(sb, "]}");
}

static void print_termios(struct dctx *c, uint64_t addr)
{
	struct termios t;

	if (!mem_read(c, addr, &t, sizeof(t))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{c_iflag=");
	flag_word(c->sb, iflags, t.c_iflag);
	sb_puts(c->sb, ", c_oflag=");
	print_oflag(c->sb, t.c_oflag);
	sb_puts(c->sb, ", c_cflag=");
	print_cflag(c->sb, t.c_cflag);
	sb_puts(c->sb, ", c_lflag=");
	flag_word(c->sb, lflags, t.c_lflag);
	if (c->abbrev)
		sb_puts(c->sb, ", ...}");
	else
		print_termios_rest(c->sb, &t);
}

static const struct xlat if_flags[] = {XLAT(IFF_UP),
				       XLAT(IFF_BROADCAST),
				       XLAT(IFF_DEBUG),
				       XLAT(IFF_LOOPBACK),
				       XLAT(IFF_POINTOPOINT),
				       XLAT(IFF_NOTRAILERS),
				       XLAT(IFF_RUNNING),
				       XLAT(IFF_NOARP),
				       XLAT(IFF_PROMISC),
				       XLAT(IFF_ALLMULTI),
				       XLAT(IFF_MASTER),
				       XLAT(IFF_SLAVE),
				       XLAT(IFF_MULTICAST),
				       XLAT(IFF_PORTSEL),
				       XLAT(IFF_AUTOMEDIA),
				       XLAT(IFF_DYNAMIC),
				       XLAT_END};

/* {ifr_name="lo", ifr_ifindex=1}: the request's field after the name. */
static void print_ifreq(struct dctx *c, uint32_t req, uint64_t addr)
{
	struct ifreq r;

	if (!mem_read(c, addr, &r, sizeof(r))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_puts(c->sb, "{ifr_name=");
	sb_quote(c->sb, r.ifr_name, strnlen(r.ifr_name, IFNAMSIZ), false);
	switch (req) {
	case SIOCGIFINDEX:
		sb_printf(c->sb, ", ifr_ifindex=%d", r.ifr_ifindex);
		break;
	case SIOCGIFFLAGS:
	case SIOCSIFFLAGS:
		sb_puts(c->sb, ", ifr_flags=");
		print_flags(c->sb, if_flags, (uint16_t)r.ifr_flags, NULL);
		break;
	case SIOCGIFMTU:
		sb_printf(c->sb, ", ifr_mtu=%d", r.ifr_mtu);
		break;
	}
	sb_putc(c->sb, '}');
}

static const char *ioctl_extra_name(uint32_t req)
{
	return xlat_name(extra_names, req);
}

static int ioctl_extra_is_out(uint32_t req)
{
	switch (req) {
	case TCGETS:
	case SIOCGIFINDEX:
	case SIOCGIFFLAGS:
	case SIOCGIFMTU:
		return 1;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCXONC:
	case TCFLSH:
	case TCSBRK:
	case SIOCSIFFLAGS:
		return 0;
	}
	return -1;
}

static bool ioctl_extra_arg(struct dctx *c, uint32_t req, uint64_t v)
{
	switch (req) {
	case TCGETS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (c->exiting && dctx_failed(c))
			sb_ptr(c->sb, v);
		else
			print_termios(c, v);
		return true;
	case TCXONC:
		print_xlat(c->sb, tcxonc_args, v, NULL);
		return true;
	case TCFLSH:
		print_xlat(c->sb, tcflsh_args, v, NULL);
		return true;
	case TCSBRK:
		sb_printf(c->sb, "%d", (int)v);
		return true;
	case SIOCGIFINDEX:
	case SIOCGIFFLAGS:
	case SIOCSIFFLAGS:
	case SIOCGIFMTU:
		if (c->exiting && dctx_failed(c))
			sb_ptr(c->sb, v);
		else
			print_ifreq(c, req, v);
		return true;
	}
	return false;
}

/* ---- the argument kinds ---- */

static const char *const ioc_dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
				       "_IOC_READ|_IOC_WRITE"};

bool pr_ioctl_req(struct dctx *c, int i, const struct argfmt *k)
{
	uint32_t req = (uint32_t)dctx_arg(c, i);
	const char *name = ioctl_extra_name(req);
	size_t mark = const_begin(c->sb);

	if (!name)
		name = xlat_name(ioctl_requests, req);
	if (name)
		sb_puts(c->sb, name);
	else
		sb_printf(c->sb, "_IOC(%s, %#x, %#x, %#x)", ioc_dirs[req >> 30], (req >> 8) & 0xff,
			  req & 0xff, (req >> 16) & 0x3fff);
	const_end_hex(c->sb, mark, req);
	return true;
}

bool ioctl_is_out(const struct dctx *c, int i)
{
	int extra = ioctl_extra_is_out((uint32_t)dctx_arg(c, 1));

	if (extra >= 0)
		return extra;
	switch ((uint32_t)dctx_arg(c, 1)) {
	case TCGETS:
	case TIOCGPGRP:
	case TIOCOUTQ:
	case TIOCGWINSZ:
	case FIONREAD:
	case TIOCGSID:
	case TIOCGPTN:
		return true;
	}
	return false;
}

bool pr_ioctl_arg(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t v = dctx_arg(c, i);
	uint16_t ws[4];
	int n;

	if (ioctl_extra_arg(c, (uint32_t)dctx_arg(c, 1), v))
		return true;
	switch ((uint32_t)dctx_arg(c, 1)) {
	case FIONCLEX:
	case FIOCLEX:
	case TIOCNOTTY:
		return false;
	case TIOCGWINSZ:
	case TIOCSWINSZ:
		if ((c->exiting && dctx_failed(c)) || !mem_read(c, v, ws, sizeof(ws)))
			break;
		sb_printf(c->sb, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", ws[0], ws[1],
			  ws[2], ws[3]);
		return true;
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCOUTQ:
	case FIONREAD:
	case FIONBIO:
	case TIOCGSID:
	case TIOCGPTN:
	case TIOCSPTLCK:
		if ((c->exiting && dctx_failed(c)) || !mem_read(c, v, &n, sizeof(n)))
			break;
		sb_printf(c->sb, "[%d]", n);
		return true;
	case TCGETS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		break; /* termios: shown as its address */
	case FICLONE:  /* the source descriptor */
		sb_printf(c->sb, "%d", (int)v);
		return true;
	default:
		sb_printf(c->sb, "%#llx", (unsigned long long)v);
		return true;
	}
	sb_ptr(c->sb, v);
	return true;
}
