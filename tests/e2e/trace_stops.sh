#!/bin/sh
# The trace of a call its thread is stopped in (SIGSTOP) and continued
# from (SIGCONT), against strace's of the same guest, raw: the call ends
# as the kernel's does at the stop (= ? ERESTART_RESTARTBLOCK with the
# time left, ERESTARTNOHAND, ERESTARTSYS), "--- stopped by SIGSTOP ---"
# at the group-stop, and after the SIGCONT the kernel's restart:
# restart_syscall naming the call it resumes, or the call again.  An
# emulated call stays parked across the stop (only its lines change);
# a native one (read) is the kernel's.  tests/guests/stopped_call does
# the stopping itself, at points the kernel tells it, without sleeps.
. "$TESTLIB"

command -v strace >/dev/null || skip_all "strace is not installed"
strace -f -qq -e trace=getpid -o /dev/null true 2>/dev/null ||
	skip_all "strace cannot trace here (ptrace not permitted?)"

guest=$GUESTS/stopped_call
set=clock_nanosleep,restart_syscall,poll,ppoll,read

# normalise FILE: the child's lines only (those of the pid the SIGSTOP
# went to: the parent's are the loader's), without the pid column,
# addresses, times, the sender's pid, alignment and " <emulated>".
normalise() {
	child=$(sed -n 's/^\([0-9]\+\) \+--- SIGSTOP .*/\1/p' "$1" | head -n 1)
	[ -n "$child" ] || return 0
	sed -n "s/^$child \+//p" "$1" | sed -e 's/ <emulated>$//' -e 's/0x[0-9a-f]\+/ADDR/g' \
		-e 's/tv_nsec=[0-9]\+/tv_nsec=N/g' -e 's/tv_sec=9,/tv_sec=S,/g' \
		-e 's/si_pid=[0-9]\+/si_pid=P/' -e 's/) \+= /) = /'
}

# check CALL WHAT [SET [OPTION]]: CALL's trace under ptsandbox is strace's, and it has WHAT.
check() {
	c=$1 cset=${3:-$set}
	$bounded strace -f -qq -e trace=$cset -o "$tmp/s.$c" "$guest" "$c" $4 >"$tmp/s.out" 2>&1
	$bounded "$PTSANDBOX" -f -qq -e trace=$cset -o "$tmp/p.$c" -- "$guest" "$c" $4 \
		>"$tmp/p.out" 2>&1
	normalise "$tmp/s.$c" >"$tmp/s.txt"
	normalise "$tmp/p.$c" >"$tmp/p.txt"
	if ! cmp -s "$tmp/s.out" "$tmp/p.out"; then
		not_ok "$c: the guest's output differs: $(head -c 200 "$tmp/p.out")"
	elif ! grep -q -- "$2" "$tmp/s.txt"; then
		not_ok "$c: strace's trace has no \"$2\"" && sed 's/^/# /' "$tmp/s.txt"
	elif diff "$tmp/s.txt" "$tmp/p.txt" >"$tmp/diff"; then
		ok "$c stopped and continued (trace=$cset${4:+ $4}): $(wc -l <"$tmp/p.txt") lines as strace's"
	else
		not_ok "$c stopped and continued (trace=$cset${4:+ $4}): the lines differ from strace's"
		sed 's/^/# /' "$tmp/diff"
	fi
}

# A relative sleep: its time left, then restart_syscall naming it.
check nanosleep "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0"
# poll restarts through restart_syscall too; ppoll is called again.
check poll "restart_syscall(<... resuming interrupted poll ...>) = 1"
# Without restart_syscall in the set: no line of the restart, nor of
# the native poll that gives the emulated one its result.
check poll "^--- SIGCONT " poll
check ppoll "^ppoll(\[{fd=[0-9]*, events=POLLIN}\], 1, {tv_sec=S, tv_nsec=N}, NULL, 8) = 1"
# Completed while stopped (the emulation settles it then, and the native
# poll of a rerun runs before the SIGCONT's delivery): the restart's
# line still comes after the SIGCONT's, and "stopped by" once.
check nanosleep "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0" "$set" --long
check poll "restart_syscall(<... resuming interrupted poll ...>) = 1" "$set" --long
# Native: the kernel's own lines, and the group-stop's.
check read "^--- stopped by SIGSTOP ---$"

# -p: the same stop of an attached child's read and sleep.  The guest's
# parent waits for a line on its stdin (the tracer has attached) before
# its child makes the call.
attached() {
	tag=$1 c=$2
	shift 2
	rm -f "$tmp/in" "$tmp/gerr" "$tmp/terr"
	mkfifo "$tmp/in" "$tmp/gerr" "$tmp/terr"
	$bounded "$guest" "$c" --attach <"$tmp/in" 2>"$tmp/gerr" >"$tmp/$tag.out" &
	gjob=$!
	exec 4>"$tmp/in" 5<"$tmp/gerr"
	IFS=' ' read -r _ cpid <&5
	"$@" -o "$tmp/$tag.raw" -p "$cpid" 2>"$tmp/terr" &
	tjob=$!
	exec 6<"$tmp/terr"
	IFS= read -r line <&6
	echo go >&4
	wait $gjob
	wait $tjob
	cat <&6 >/dev/null
	exec 4>&- 5<&- 6<&-
	sed -e 's/0x[0-9a-f]\+/ADDR/g' -e 's/tv_nsec=[0-9]\+/tv_nsec=N/g' \
		-e 's/si_pid=[0-9]\+/si_pid=P/' -e 's/) \+= /) = /' "$tmp/$tag.raw" >"$tmp/$tag.txt"
}

for c in read nanosleep; do
	attached sp "$c" strace -e trace=$set
	attached pp "$c" "$PTSANDBOX" -e trace=$set
	if ! grep -q -e "^--- stopped by SIGSTOP ---$" "$tmp/sp.txt" ||
		! cmp -s "$tmp/sp.out" "$tmp/pp.out"; then
		not_ok "-p $c: strace's run went wrong"
		sed 's/^/# /' "$tmp/sp.txt" "$tmp/sp.out" "$tmp/pp.out"
	elif diff "$tmp/sp.txt" "$tmp/pp.txt" >"$tmp/diff"; then
		ok "-p, $c stopped and continued: $(wc -l <"$tmp/pp.txt") lines as strace's"
	else
		not_ok "-p, $c stopped and continued: the lines differ from strace's"
		sed 's/^/# /' "$tmp/diff"
	fi
done

# -p to a thread asleep in clock_nanosleep: the attach's interrupt made
# it return ERESTART_RESTARTBLOCK, and the restart_syscall that follows
# names it, from the registers at the interrupt's stop.  (strace 6.1
# names what its first look at the registers gave, "read" here, so the
# reference is the call sleep(1) makes: strace's line above.)
sleep 3 &
spid=$!
i=0
while [ "$(sed 's/.*) //' /proc/$spid/stat 2>/dev/null | cut -c1)" != S ] && [ $i -lt 200 ]; do
	sleep 0.01
	i=$((i + 1))
done
$bounded "$PTSANDBOX" -e trace=restart_syscall -o "$tmp/sleep.raw" -p $spid 2>/dev/null
wait $spid
if grep -q "^restart_syscall(<\.\.\. resuming interrupted clock_nanosleep \.\.\.>) \+= 0$" \
	"$tmp/sleep.raw"; then
	ok "-p: restart_syscall names the sleep the attach interrupted"
else
	not_ok "-p: restart_syscall does not name the sleep the attach interrupted"
	sed 's/^/# /' "$tmp/sleep.raw"
fi

finish
