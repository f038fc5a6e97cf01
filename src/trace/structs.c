// SPDX-License-Identifier: MIT
/*
 * Structures in guest memory, printed as strace does: "{tv_sec=1,
 * tv_nsec=0}", "[{fd=3, events=POLLIN}]", "[{WIFEXITED(s) && ...}]".
 * The guest's ABI is the build's native one (x86_64 or aarch64, both
 * LP64), so the libc definitions have the kernel's layout; the kernel's
 * sigaction and clone_args, which libc does not expose, are spelled out.
 *
 * Conventions shared by every printer: a NULL pointer prints "NULL";
 * memory that cannot be read, and output arguments of a failed call,
 * print the bare address; arrays stop after -s elements with "...".
 *
 * Here: the helpers every structure printer uses, and the vectors
 * (iovec arrays, execve's argv and envp); the printers of each family
 * are in structs_<family>.c: sig, time, file, proc, poll, net.
 */
#include "config.h"

#include <stdint.h>
#include <sys/uio.h>
#include <linux/filter.h>

#include "decode_impl.h"

/*
 * Reads a structure for printing.  False (with "NULL" or the address
 * already printed) when there is nothing to decode.
 */
bool fetch_struct(struct dctx *c, uint64_t addr, bool out, void *buf, size_t len)
{
	if (!addr) {
		sb_puts(c->sb, "NULL");
		return false;
	}
	if ((out && dctx_failed(c)) || !mem_read(c, addr, buf, len)) {
		sb_ptr(c->sb, addr);
		return false;
	}
	return true;
}

bool fetch_arg(struct dctx *c, int i, void *buf, size_t len)
{
	return fetch_struct(c, c->args[i], dctx_arg_out(c, i), buf, len);
}

/* ---- buffers in vectors ---- */

/* An iovec array; limit is how many bytes the kernel filled (-1: all). */
void print_iov_array(struct dctx *c, uint64_t addr, uint64_t count, int64_t limit)
{
	struct iovec iov;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return;
	}
	if (count && !mem_read(c, addr, &iov, sizeof(iov))) {
		sb_ptr(c->sb, addr);
		return;
	}
	sb_putc(c->sb, '[');
	for (uint64_t e = 0; e < count; e++) {
		uint64_t len;

		if (e)
			sb_puts(c->sb, ", ");
		if (e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		if (!mem_read(c, addr + e * sizeof(iov), &iov, sizeof(iov)))
			break;
		len = iov.iov_len;
		if (limit >= 0 && (uint64_t)limit < len)
			len = (uint64_t)limit;
		sb_puts(c->sb, "{iov_base=");
		print_buf(c, (uint64_t)(uintptr_t)iov.iov_base, len, false);
		sb_printf(c->sb, ", iov_len=%zu}", iov.iov_len);
		if (limit >= 0)
			limit -= (int64_t)len;
	}
	sb_putc(c->sb, ']');
}

bool pr_iov(struct dctx *c, int i, const struct argfmt *k)
{
	bool out = dctx_arg_out(c, i);

	if (out && dctx_failed(c))
		sb_ptr(c->sb, c->args[i]);
	else
		print_iov_array(c, c->args[i], c->args[i + 1], out ? c->ret : -1);
	return true;
}

/* execve's argv: the strings, at most -s of them (all of them under -v). */
bool pr_argv(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i], p;
	struct ptr_array a;

	if (!addr) {
		sb_puts(c->sb, "NULL");
		return true;
	}
	ptr_array_init(&a, addr);
	if (!ptr_array_next(c, &a, &p)) {
		sb_ptr(c->sb, addr);
		return true;
	}
	sb_putc(c->sb, '[');
	for (uint64_t e = 0; p; e++) {
		if (e)
			sb_puts(c->sb, ", ");
		if (c->abbrev && e >= c->strsize) {
			sb_puts(c->sb, "...");
			break;
		}
		print_cstr(c, p, c->strsize);
		if (!ptr_array_next(c, &a, &p))
			break;
	}
	sb_putc(c->sb, ']');
	return true;
}

/* execve's envp: strace only counts the variables, unless -v. */
bool pr_envp(struct dctx *c, int i, const struct argfmt *k)
{
	uint64_t addr = c->args[i], p, n = 0;
	struct ptr_array a;

	if (!c->abbrev)
		return pr_argv(c, i, k);
	if (!addr) {
		sb_puts(c->sb, "NULL");
		return true;
	}
	ptr_array_init(&a, addr);
	if (!ptr_array_next(c, &a, &p)) {
		sb_ptr(c->sb, addr);
		return true;
	}
	while (p && n < (1u << 20)) {
		n++;
		if (!ptr_array_next(c, &a, &p))
			break;
	}
	sb_printf(c->sb, "%#llx /* %llu var%s */", (unsigned long long)addr, (unsigned long long)n,
		  n == 1 ? "" : "s");
	return true;
}

bool pr_fprog(struct dctx *c, int i, const struct argfmt *k)
{
	struct sock_fprog prog;

	if (!fetch_arg(c, i, &prog, sizeof(prog)))
		return true;
	sb_printf(c->sb, "{len=%u, filter=", prog.len);
	sb_ptr(c->sb, (uint64_t)(uintptr_t)prog.filter);
	sb_putc(c->sb, '}');
	return true;
}
