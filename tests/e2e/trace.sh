#!/bin/sh
# --trace against strace itself: the same guest under strace -f and under
# ptsandbox --trace, lines compared after normalising what differs
# between any two runs (pids, addresses).  Only syscalls whose decoding
# matches strace's are in the set; ptsandbox's own additions (the
# <emulated> calls) are checked in trace_opts.sh.
. "$TESTLIB"

command -v strace >/dev/null || skip_all "strace is not installed"
strace -f -qq -e trace=getpid -o /dev/null true 2>/dev/null ||
	skip_all "strace cannot trace here (ptrace not permitted?)"

guest=$GUESTS/trace_calls

# normalise FILE: the guest's pid (from getpid) -> PID, addresses -> ADDR;
# a line naming the pid loses its padding (the runs' pids may differ in
# width: 9999 and 10000 where pid_max is 32768).
normalise() {
	pid=$(sed -n 's/.*si_pid=\([0-9]*\).*/\1/p' "$1" | head -n 1)
	# PR_SET_PTRACER: a sanitizer build's guest names its helper's pid.
	sed -e "s/\\b${pid:-PID}\\b/PID/g" -e 's/0x[0-9a-f]\+/ADDR/g' \
		-e 's/PR_SET_PTRACER, [0-9]\+/PR_SET_PTRACER, PID/' \
		-e '/PID/s/) \+= /) = /' "$1"
}

# golden NAME SET [ARG]...: the same lines as strace -e trace=SET.  The
# guest is one process, so strace needs no -f (whose -o adds pids).
golden() {
	golden_of "$guest" "$@"
}

# golden_of GUEST NAME SET [ARG]...: golden for another guest.
golden_of() {
	guest=$1
	name=$2
	set=$3
	shift 3
	$bounded strace -qq -e trace="$set" -o "$tmp/strace.raw" "$guest" "$@" \
		>/dev/null 2>&1 </dev/null
	$bounded "$PTSANDBOX" --trace="$set" -o "$tmp/psb.raw" -- "$guest" "$@" \
		>/dev/null 2>&1 </dev/null
	normalise "$tmp/strace.raw" >"$tmp/strace.txt"
	# strace -qq has no +++ lines; ptsandbox always prints them.
	normalise "$tmp/psb.raw" | grep -v '^+++ ' >"$tmp/psb.txt"
	if [ ! -s "$tmp/strace.txt" ]; then
		not_ok "$name: strace printed nothing"
		return 1
	fi
	if ! diff "$tmp/strace.txt" "$tmp/psb.txt" >"$tmp/diff"; then
		not_ok "$name: lines differ from strace's"
		head -20 "$tmp/diff" | sed 's/^/# /'
		return 1
	fi
	ok "$name ($(wc -l <"$tmp/psb.txt") lines as strace)"
}

golden "file, memory, process calls" \
	openat,read,write,close,mmap,munmap,getpid,kill,rt_sigaction,exit_group
golden "the same without file calls" \
	openat,read,write,close,mmap,munmap,getpid,kill,exit_group noopen
golden "%file class" %file
golden "%desc class" %desc
golden "negated set" '!execve,brk,mprotect,arch_prctl,set_tid_address,set_robust_list,rseq,prlimit64,newfstatat,pread64,access,clock_nanosleep'
golden "rt_sigreturn: the mask it restores" kill,rt_sigreturn noopen
golden_of "$GUESTS/decode_calls" "named results, value-result lengths, option structs, cmsgs, caps, openat2, seccomp, kcmp, F_GETOWN_EX, termios and SIOCGIF ioctls, sigevent, io_setup, mmsg, rt_sigreturn" \
	prctl,personality,membarrier,getsockname,setsockopt,getsockopt,sendmsg,recvmsg,capget,capset,openat2,fcntl,seccomp,kcmp,rt_sigreturn,ioctl,timer_create,io_setup,io_destroy,sendmmsg,recvmmsg
guest=$GUESTS/trace_calls

# -c: the same calls and errors per syscall as strace -c (times differ).
counts() {
	awk '/^-----/ { rule++; next }
	     rule == 1 { if (NF == 6) print $6, $4, $5; else print $5, $4, 0 }
	     rule == 2 { if (NF == 6) print "total", $4, $5; else print "total", $4, 0 }' "$1" |
		sort
}
set=openat,read,write,close,mmap,munmap,getpid,kill
$bounded strace -c -e trace=$set -o "$tmp/strace.c" "$guest" >/dev/null 2>&1 </dev/null
$bounded "$PTSANDBOX" -c --trace=$set -o "$tmp/psb.c" -- "$guest" >/dev/null 2>&1 </dev/null
counts "$tmp/strace.c" >"$tmp/strace.counts"
counts "$tmp/psb.c" >"$tmp/psb.counts"
if [ -s "$tmp/psb.counts" ] && diff "$tmp/strace.counts" "$tmp/psb.counts" >"$tmp/diff"; then
	ok "-c: calls and errors per syscall as strace -c"
else
	not_ok "-c: counts differ from strace -c"
	sed 's/^/# /' "$tmp/diff" | head -20
fi
finish
