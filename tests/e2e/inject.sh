#!/bin/sh
# -e inject= and -e fault= against strace: the guest sees the same
# results and signals, and the trace lines are the same (the injected
# ones marked "(INJECTED)"), after normalising the pid and addresses.
. "$TESTLIB"

command -v strace >/dev/null || skip_all "strace is not installed"
strace -f -qq -e trace=getpid -o /dev/null true 2>/dev/null ||
	skip_all "strace cannot trace here (ptrace not permitted?)"

guest=$GUESTS/inject_calls

normalise() {
	sed -e 's/si_pid=[0-9]*/si_pid=PID/g' -e 's/0x[0-9a-f]\+/ADDR/g' "$1"
}

# like_strace NAME OPTION...: same guest output, status and trace lines.
like_strace() {
	name=$1
	shift
	$bounded strace -o "$tmp/strace.raw" "$@" "$guest" >"$tmp/native.out" 2>/dev/null </dev/null
	echo $? >"$tmp/native.rc"
	$bounded "$PTSANDBOX" -o "$tmp/psb.raw" "$@" -- "$guest" >"$tmp/sandbox.out" 2>"$tmp/sandbox.err" </dev/null
	echo $? >"$tmp/sandbox.rc"
	compare_captured "$name: guest output" || return 1
	normalise "$tmp/strace.raw" >"$tmp/strace.txt"
	normalise "$tmp/psb.raw" >"$tmp/psb.txt"
	if ! grep -q 'INJECTED\|DELAYED' "$tmp/strace.txt" && ! grep -q '^--- SIG' "$tmp/strace.txt"; then
		not_ok "$name: strace injected nothing: bad test"
		return 1
	fi
	if diff "$tmp/strace.txt" "$tmp/psb.txt" >"$tmp/diff"; then
		ok "$name: trace lines as strace's"
	else
		not_ok "$name: trace lines differ"
		head -20 "$tmp/diff" | sed 's/^/# /'
	fi
}

like_strace "error=ENOENT from the 3rd call" -e trace=chdir -e inject=chdir:error=ENOENT:when=3+
like_strace "retval=42 for calls 2..4" -e trace=chdir -e inject=chdir:retval=42:when=2..4
like_strace "fault= (ENOSYS) every 2nd from the 2nd" -e trace=chdir -e fault=chdir:when=2+2
like_strace "fault=...:error=EACCES, once" -e trace=chdir -e fault=chdir:error=EACCES:when=4
like_strace "signal=USR1 on the 5th call" -e trace=chdir -e inject=chdir:signal=USR1:when=5
like_strace "error and signal together" -e trace=chdir -e inject=chdir:error=EPERM:signal=SIGUSR1:when=1
like_strace "--inject= long spelling" -e trace=chdir --inject=chdir:error=ENOTDIR:when=6
like_strace "two rules, counted apart" -e trace=chdir -e inject=chdir:error=ENOENT:when=1 \
	-e inject=chdir:retval=7:when=2
# Delays (" (DELAYED)"), alone and with the other tamperings.
like_strace "delay_enter=10ms on the 2nd call" -e trace=chdir -e inject=chdir:delay_enter=10ms:when=2
like_strace "delay_exit=0.01s with error=" -e trace=chdir \
	-e inject=chdir:error=ENOENT:delay_exit=0.01s:when=3
like_strace "delay_enter=500 (us) with retval=, 2..3" -e trace=chdir \
	-e inject=chdir:retval=3:delay_enter=500:when=2..3
like_strace "delay_enter= and delay_exit= together" -e trace=chdir \
	-e inject=chdir:delay_enter=1:delay_exit=2:when=5
like_strace "delay_exit=2000ns with signal=" -e trace=chdir \
	-e inject=chdir:signal=USR1:delay_exit=2000ns:when=4
# poke_enter= writes before the call and its line ("/tmp"); the guest's
# "/" is in its read-only data, which strace writes too.
like_strace "poke_enter=@arg1 (INJECTED: args)" -e trace=chdir \
	-e inject=chdir:poke_enter=@arg1=2f746d7000:when=1
like_strace "poke_exit=@arg1 with error= (INJECTED: args, retval)" -e trace=chdir \
	-e inject=chdir:error=EPERM:poke_exit=@arg1=2F00:when=2
like_strace "poke_enter and delay_enter" -e trace=chdir \
	-e inject=chdir:poke_enter=@arg1=2f746d7000:delay_enter=1ms:when=3
# syscall=: a pure call runs instead, the result is still the injected one.
like_strace "syscall=getpid with error=, every 2nd" -e trace=chdir \
	-e inject=chdir:error=ENOENT:syscall=getpid:when=2+2
like_strace "syscall=gettid with retval= and delay_exit=" -e trace=chdir \
	-e inject=chdir:retval=5:syscall=gettid:delay_exit=1:when=1

# An injected error on a call ptsandbox emulates: the emulation never
# sees it (the trace differs only by the <emulated> of the next call).
run_capture native strace -o /dev/null -e inject=nanosleep,clock_nanosleep:error=EINTR:when=1 "$guest"
run_capture sandbox "$PTSANDBOX" -e trace=none -e inject=nanosleep,clock_nanosleep:error=EINTR:when=1 -- "$guest"
compare_captured "error=EINTR on an emulated sleep"

# A signal injected into a call ptsandbox would emulate (and park): it
# is pending when the call starts, which the kernel runs, so the sleep
# is interrupted at once, and the guest's handler sees SI_KERNEL, as
# strace's; with delay_exit=, after the delay.  The first sleep's line
# and the --- SIG line are strace's (the second sleep's is <emulated>).
for d in "" :delay_exit=20ms; do
	$bounded strace -o "$tmp/strace.raw" -e inject=clock_nanosleep:signal=USR1$d:when=1 "$guest" \
		>"$tmp/native.out" 2>/dev/null
	echo $? >"$tmp/native.rc"
	$bounded "$PTSANDBOX" -o "$tmp/psb.raw" -e trace=clock_nanosleep \
		-e inject=clock_nanosleep:signal=USR1$d:when=1 -- "$guest" >"$tmp/sandbox.out" 2>"$tmp/sandbox.err"
	echo $? >"$tmp/sandbox.rc"
	compare_captured "signal=USR1$d on a sleep: guest output" || continue
	grep -m 2 '^clock_nanosleep\|^--- SIG' "$tmp/strace.raw" >"$tmp/strace.txt"
	grep -m 2 '^clock_nanosleep\|^--- SIG' "$tmp/psb.raw" >"$tmp/psb.txt"
	if grep -q 'SI_KERNEL' "$tmp/psb.txt" && cmp -s "$tmp/strace.txt" "$tmp/psb.txt"; then
		ok "signal=USR1$d on a sleep: its line and the --- SIGUSR1 line as strace's"
	else
		not_ok "signal=USR1$d on a sleep: lines differ"
		cat "$tmp/strace.txt" "$tmp/psb.txt" | sed 's/^/# /'
	fi
done

# Delays on a call ptsandbox emulates: delay_enter= before the wait
# starts, delay_exit= after it ends, before the result is returned.
for d in delay_enter=20ms delay_exit=20ms; do
	run_capture native strace -o /dev/null -e inject=clock_nanosleep:$d:when=1 "$guest"
	run_capture sandbox "$PTSANDBOX" -o "$tmp/psb.raw" -e trace=clock_nanosleep \
		-e inject=clock_nanosleep:$d:when=1 -- "$guest"
	compare_captured "$d on an emulated sleep" || continue
	if grep -q '(DELAYED) <emulated>$' "$tmp/psb.raw"; then
		ok "$d on an emulated sleep: its line says (DELAYED)"
	else
		not_ok "$d on an emulated sleep: no (DELAYED) line"
		sed 's/^/# /' "$tmp/psb.raw"
	fi
done

# A thread held by a delay does not hold the others: the guest's main
# thread sleeps on (emulated) while the other's chdir is held, as under
# strace, and sees the working directory the held chdir set only with
# delay_exit=.  (strace itself waits out the delay before it exits.)
for d in delay_enter=2s delay_exit=2s; do
	$bounded strace -f -o /dev/null -e trace=chdir -e inject=chdir:$d "$GUESTS/inject_delay" \
		>"$tmp/native.out" 2>/dev/null </dev/null
	echo $? >"$tmp/native.rc"
	$bounded "$PTSANDBOX" -e trace=none -e inject=chdir:$d -- "$GUESTS/inject_delay" \
		>"$tmp/sandbox.out" 2>"$tmp/sandbox.err" </dev/null
	echo $? >"$tmp/sandbox.rc"
	compare_captured "$d: the other thread runs on while one is held"
done

# A --timeout hang report names a thread a delay holds, with its
# backtrace, at once (it is stopped already: no interrupt to wait for).
run_capture sandbox "$PTSANDBOX" --timeout=1 -e trace=none -e inject=chdir:delay_enter=60s -- "$guest"
if [ "$(cat "$tmp/sandbox.rc")" = 124 ] &&
	grep -q "chdir(\"/\") .*held by -e inject's delay" "$tmp/sandbox.err" &&
	grep -q ' main+' "$tmp/sandbox.err" && ! grep -q 'did not stop' "$tmp/sandbox.err"; then
	ok "--timeout dumps a thread held by delay_enter= (status 124)"
else
	not_ok "--timeout with a held thread: status $(cat "$tmp/sandbox.rc")"
	head -5 "$tmp/sandbox.err" | sed 's/^/# /'
fi

# Injection alone (trace=none): the guest sees it, no lines are printed.
run_capture sandbox "$PTSANDBOX" -o "$tmp/none.txt" -e trace=none -e inject=chdir:error=ENOENT -- "$guest"
if grep -q "chdir 6: -1 No such file" "$tmp/sandbox.out" && ! grep -q '^chdir(' "$tmp/none.txt"; then
	ok "trace=none: injected, not traced"
else
	not_ok "trace=none with inject"
	head -3 "$tmp/sandbox.out" "$tmp/none.txt" | sed 's/^/# /'
fi

# Refused by strace too: one line, status 125.
for bad in "inject=chdir" "inject=chdir:error=EBOGUS" "inject=chdir:when=0" \
	"inject=nosuchcall:error=EPERM" "fault=chdir:retval=1" "inject=chdir:delay_enter=1x" \
	"inject=chdir:delay_exit=-1" "inject=chdir:delay_enter=1:delay_enter=2" \
	"inject=chdir:poke_enter=@arg8=00" "inject=chdir:poke_enter=@arg1=2f0" \
	"inject=chdir:poke_enter=@arg1=00,@arg1=00" "inject=chdir:syscall=getpid" \
	"inject=chdir:error=ENOENT:syscall=chdir" "inject=chdir:signal=USR1:signal=USR2" \
	"fault=chdir:delay_enter=1"; do
	run_capture sandbox "$PTSANDBOX" -e "$bad" -- true </dev/null
	if strace -o /dev/null -e "$bad" true 2>/dev/null; then
		not_ok "-e $bad: strace accepts it: bad test"
	elif [ "$(cat "$tmp/sandbox.rc")" = 125 ] && [ "$(wc -l <"$tmp/sandbox.err")" = 1 ] &&
		grep -q '^ptsandbox: ' "$tmp/sandbox.err"; then
		ok "-e $bad: one line, status 125"
	else
		not_ok "-e $bad: status $(cat "$tmp/sandbox.rc")"
		head -3 "$tmp/sandbox.err" | sed 's/^/# /'
	fi
done
finish
