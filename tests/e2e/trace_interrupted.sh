#!/bin/sh
# The trace lines of the blocking calls ptsandbox emulates, against
# strace's of the same single-threaded guest, raw (no joining of
# "<unfinished ...>" halves): each call interrupted by a SIGALRM handler
# and each completing by itself.  A call's line stays open while it
# waits and is completed in place, and an interrupted call shows what
# the kernel's own call returns (ERESTART_RESTARTBLOCK, ERESTARTNOHAND,
# ERESTARTSYS, EINTR), not the emulation's restart code.
. "$TESTLIB"

command -v strace >/dev/null || skip_all "strace is not installed"
strace -f -qq -e trace=getpid -o /dev/null true 2>/dev/null ||
	skip_all "strace cannot trace here (ptrace not permitted?)"

guest=$GUESTS/interrupted
calls="nanosleep clock_nanosleep poll ppoll select pselect6 epoll_wait epoll_pwait futex pause"
calls="$calls rt_sigsuspend rt_sigtimedwait wait4 waitid"
set=$(echo $calls | tr ' ' ,)

# normalise FILE: the pid column and the child's pid, addresses, the
# time left and absolute deadlines, the alignment before " = " (the
# pid's width may differ between runs) and ptsandbox's own " <emulated>".
normalise() {
	sed -e 's/^[0-9]\+ \+//' -e 's/ <emulated>$//' -e 's/0x[0-9a-f]\+/ADDR/g' \
		-e 's/tv_nsec=[0-9]\+/tv_nsec=N/g' -e 's/tv_sec=[0-9]\{4,\}/tv_sec=T/g' \
		-e 's/\(wait4(\|P_PID, \)[0-9]\+/\1CHILD/' -e 's/ = [0-9]\{3,\}$/ = CHILD/' \
		-e 's/) \+= /) = /' "$1"
}

$bounded strace -f -qq -e trace="$set" -o "$tmp/strace.raw" "$guest" >"$tmp/native.out" 2>&1
$bounded "$PTSANDBOX" -f -qq -e trace="$set" -o "$tmp/psb.raw" -- "$guest" >"$tmp/psb.out" 2>&1
if cmp -s "$tmp/native.out" "$tmp/psb.out"; then
	ok "the guest's output under the trace is as under strace"
else
	not_ok "the guest's output differs: $(head -c 200 "$tmp/psb.out")"
fi
normalise "$tmp/strace.raw" >"$tmp/strace.txt"
normalise "$tmp/psb.raw" >"$tmp/psb.txt"

# One check per call: its lines (and their halves, if any) as strace's.
for c in $calls; do
	grep -e "^$c(" -e "<\.\.\. $c resumed>" "$tmp/strace.txt" >"$tmp/s.$c"
	grep -e "^$c(" -e "<\.\.\. $c resumed>" "$tmp/psb.txt" >"$tmp/p.$c"
	if [ ! -s "$tmp/s.$c" ]; then
		not_ok "$c: strace printed no line of it"
	elif diff "$tmp/s.$c" "$tmp/p.$c" >"$tmp/diff"; then
		ok "$c: $(wc -l <"$tmp/p.$c") lines as strace's"
	else
		not_ok "$c: lines differ from strace's"
		head -8 "$tmp/diff" | sed 's/^/# /'
	fi
done

# The whole trace, signal lines included, in strace's order.
if diff "$tmp/strace.txt" "$tmp/psb.txt" >"$tmp/diff"; then
	ok "the whole trace is strace's ($(wc -l <"$tmp/psb.txt") lines)"
else
	not_ok "the whole trace differs from strace's"
	head -10 "$tmp/diff" | sed 's/^/# /'
fi

# -ff: one file per process; the parent's calls are never split.
$bounded strace -ff -qq -e trace="$set" -o "$tmp/sff" "$guest" >/dev/null 2>&1
$bounded "$PTSANDBOX" -ff -qq -e trace="$set" -o "$tmp/pff" -- "$guest" >/dev/null 2>&1
# The parent's file is the one with the calls (the child's is empty).
biggest() {
	ls -S "$1".* | head -n 1
}
normalise "$(biggest "$tmp/sff")" >"$tmp/sff.txt"
normalise "$(biggest "$tmp/pff")" >"$tmp/pff.txt"
if [ -s "$tmp/sff.txt" ] && diff "$tmp/sff.txt" "$tmp/pff.txt" >"$tmp/diff"; then
	ok "-ff: the parent's file is strace's ($(wc -l <"$tmp/pff.txt") lines)"
else
	not_ok "-ff: the parent's file differs from strace's"
	head -10 "$tmp/diff" | sed 's/^/# /'
fi

# SIGCHLD's si_utime as strace shows it, its seconds in a comment (the
# child used at least 3 ticks; si_stime may be 0 in one run, 1 in another).
chld() {
	sed -n -e 's/si_pid=[0-9]\+/si_pid=CHILD/' -e 's/si_stime=[^}]*}/si_stime=S}/' \
		-e 's/si_utime=[0-9]\+ \/\* [0-9]\+\.[0-9]\+ s \*\//si_utime=N \/* N s *\//' \
		-e 's/^[0-9]\+ \+\(--- SIGCHLD\)/\1/p' "$1"
}
$bounded strace -f -qq -e trace=none -o "$tmp/scpu" "$guest" cpu
$bounded "$PTSANDBOX" -f -qq -e trace=none -o "$tmp/pcpu" -- "$guest" cpu
chld "$tmp/scpu" >"$tmp/scpu.txt"
chld "$tmp/pcpu" >"$tmp/pcpu.txt"
if grep -q 'si_utime=N /\* N s \*/' "$tmp/scpu.txt" && diff "$tmp/scpu.txt" "$tmp/pcpu.txt" >"$tmp/diff"; then
	ok "SIGCHLD's si_utime with its seconds, as strace's"
else
	not_ok "SIGCHLD's line differs from strace's"
	cat "$tmp/scpu.txt" "$tmp/pcpu.txt" | sed 's/^/# /'
fi

finish
