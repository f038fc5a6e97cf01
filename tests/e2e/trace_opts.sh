#!/bin/sh
# --trace options on their own (no strace needed): selection, -c, -ff,
# -k, -T, -t, emulated calls, signals and exits, and native semantics
# of the guest while traced.
. "$TESTLIB"

guest=$GUESTS/trace_calls

# traced NAME OPTION...: run the guest under ptsandbox OPTION..., trace in $tmp/t.
traced() {
	name=$1
	shift
	$bounded "$PTSANDBOX" -o "$tmp/t" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	echo $? >"$tmp/rc"
}

# has NAME REGEX: the trace has a line matching REGEX (grep -E).
has() {
	if grep -Eq -- "$2" "$tmp/t"; then
		ok "$1"
	else
		not_ok "$1: no line matches '$2'"
		head -20 "$tmp/t" | sed 's/^/# /'
	fi
}

# lacks NAME REGEX: no line of the trace matches REGEX.
lacks() {
	if grep -Eq -- "$2" "$tmp/t"; then
		not_ok "$1: a line matches '$2'"
		grep -E -- "$2" "$tmp/t" | head -5 | sed 's/^/# /'
	else
		ok "$1"
	fi
}

# Tracing must not change what the guest sees.
for set in all %file clock_nanosleep; do
	run_capture native "$guest" </dev/null
	run_capture sandbox "$PTSANDBOX" --trace=$set -o "$tmp/t" -- "$guest" </dev/null
	compare_captured "guest output and status with --trace=$set"
done

traced "getpid" --trace=getpid -- "$guest"
has "traced call, padded to column 40" '^getpid\(\) {32}= [0-9]+$'
has "delivered signal" '^--- SIGUSR1 \{si_signo=SIGUSR1, si_code=SI_USER, si_pid=[0-9]+, si_uid=[0-9]+\} ---$'
has "exit line" '^\+\+\+ exited with 3 \+\+\+$'
lacks "untraced calls are not shown" '^(write|openat|close)\('

traced "open on a guest without open" --trace=open -- "$guest" noopen
lacks "--trace=open: no syscall line" '^[a-z_0-9]+\('
has "--trace=open: still the exit" '^\+\+\+ exited with 3 \+\+\+$'

traced "%file" --trace=%file -- "$guest"
has "%file: failing openat with ENOENT" '^openat\(AT_FDCWD, "/nonexistent/ptsandbox-trace", O_RDONLY\) = -1 ENOENT \(No such file or directory\)$'
lacks "%file: no descriptor-only calls" '^(read|write|close|getpid)\('

traced "negation" --trace='!write' -- "$guest"
has "!write: other calls shown" '^getpid\(\)'
lacks "!write: no write" '^write\('

traced "emulated" --trace=clock_nanosleep -- "$guest"
# Alone, the call's line stays open while it waits, as strace's: one line.
has "emulated call: one line, marked" '^clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=0, tv_nsec=1000000\}, NULL\) += 0 <emulated>$'
lacks "emulated call: not split" 'unfinished|resumed'

traced "-T -tt" -T -tt --trace=getpid -- "$guest"
has "-tt prefix, -T duration" '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} getpid\(\) += [0-9]+ <[0-9]+\.[0-9]{6}>$'
traced "-ttt" -ttt --trace=getpid -- "$guest"
has "-ttt prefix" '^[0-9]+\.[0-9]{6} getpid\(\)'

traced "killed" --trace=kill -- "$GUESTS/signal_death" kill 10
has "killed by a signal" '^\+\+\+ killed by SIGUSR1 \+\+\+$'
if [ "$(cat "$tmp/rc")" = 138 ]; then ok "killed: status 138"; else not_ok "killed: status $(cat "$tmp/rc")"; fi

# -f -o FILE: strace's "PID " on every line, from the first one, and
# the pid counts in the result column.
traced "-f -o" -f --trace=getpid -- "$guest" noopen
has "-f -o: PID prefix on a single process's lines" '^[0-9]+ +getpid\(\) += [0-9]+$'
has "-f -o: PID prefix on the exit line" '^[0-9]+ +\+\+\+ exited with 3 \+\+\+$'
col=$(awk '/getpid\(\)/ { print index($0, "= "); exit }' "$tmp/t")
pid=$(awk '/getpid\(\)/ { print $1; exit }' "$tmp/t")
if [ "$col" = 41 ] && grep -Eq "^$pid {$((6 - ${#pid}))}getpid" "$tmp/t"; then
	ok "-f -o: pid left-aligned in 5 columns, result at column 41"
else
	not_ok "-f -o: result at column $col"
	head -3 "$tmp/t" | sed 's/^/# /'
fi
traced "-o without -f" --trace=getpid -- "$guest" noopen
has "-o without -f: no prefix for a single process" '^getpid\(\) += [0-9]+$'

# A thread other than the leader execs: the leader's call ends "= ?",
# "+++ superseded by execve in pid TID +++" (TID: the thread that
# exec'd), and the execve resumes under the leader's pid, as strace -f.
traced "thread exec" -f -e trace=execve,futex -- "$GUESTS/thread_exec" "$GUESTS/exit_code" 0
leader=$(awk 'NR == 1 { print $1 }' "$tmp/t")
execer=$(awk '$2 ~ /^execve\(/ && $1 != "'"$leader"'" { print $1; exit }' "$tmp/t")
if [ -n "$execer" ] && grep -Eq "^$leader +<\.\.\. futex resumed>\) += \?" "$tmp/t" &&
	grep -Eq "^$leader +\+\+\+ superseded by execve in pid $execer \+\+\+\$" "$tmp/t" &&
	awk -v l="$leader" '$1 == l && /superseded/ { s = 1 } s && $1 == l && /<\.\.\. execve resumed>\) += 0/ { ok = 1 } END { exit !ok }' "$tmp/t"; then
	ok "thread exec: the leader's call ends, superseded by $execer, execve resumes as $leader"
else
	not_ok "thread exec: no superseded line for $leader by ${execer:-?}"
	tail -8 "$tmp/t" | sed 's/^/# /'
fi

# A signal that kills a process in an emulated pause(): the call ends
# "= ? ERESTARTNOHAND" before the signal's line, as strace shows it.
traced "killed in pause" --trace=pause -- "$GUESTS/sigcall" -s USR1 -f tgkill pause default
if grep -A1 -E '(^|\] )pause\(\) += \? ERESTARTNOHAND ' "$tmp/t" | tail -n 1 |
	grep -Eq -- '--- SIGUSR1 '; then
	ok "killed in pause: the call ends ERESTARTNOHAND, then the signal's line"
else
	not_ok "killed in pause: order of the lines"
	sed 's/^/# /' "$tmp/t" | head -8
fi
# -c: a table, one row per traced syscall with its count.
traced "-c" -c --trace=getpid,openat,close -- "$guest"
has "-c header" '^% time +seconds +usecs/call +calls +errors +syscall$'
has "-c getpid row" '^ *[0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{6} +[0-9]+ +1 +getpid$'
has "-c close row, 1 error" '^ *[0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ +1 +close$'
has "-c total" '^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ +[0-9]+ +total$'
lacks "-c: no syscall lines" '^getpid\('

# -ff: one file per process, named by its pid, holding that process's lines.
rm -f "$tmp"/ff.*
$bounded "$PTSANDBOX" -ff -o "$tmp/ff" --trace=getpid -- \
	sh -c "$guest noopen; $guest noopen" >/dev/null 2>&1 </dev/null
nfiles=0
good=0
for f in "$tmp"/ff.*; do
	[ -e "$f" ] || continue
	nfiles=$((nfiles + 1))
	pid=${f##*.}
	grep -Eq "^getpid\(\) += $pid\$" "$f" && good=$((good + 1))
done
if [ $nfiles -ge 2 ] && [ $good -eq $nfiles ]; then
	ok "-ff: one file per process ($nfiles files)"
else
	not_ok "-ff: $nfiles files, $good with their own getpid"
	head "$tmp"/ff.* | sed 's/^/# /'
fi
[ -e "$tmp/ff" ] && not_ok "-ff: FILE itself created" || ok "-ff: no FILE without pid"

# -k: the guest's main in each backtrace, also in a child after execve.
traced "-k" -k --trace=getpid -- "$guest" noopen
# (" at FILE:LINE" where the module has line information: tests/e2e/srclines.sh)
has "-k: libc frame" '^ > /.*libc[^ ]*\(__getpid\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]( at [^ ]+:[0-9]+)?$'
has "-k: main in the PIE guest" '^ > /.*/trace_calls\(main\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]( at [^ ]+:[0-9]+)?$'
traced "-k under a signal" -k --trace=kill -- "$guest" noopen
# The line after "--- SIGUSR1" is a frame, as with strace -k.
if grep -A1 -- '^--- SIGUSR1 ' "$tmp/t" | tail -n 1 | grep -Eq '^ > /'; then
	ok "-k: a backtrace under the signal line"
else
	not_ok "-k: no backtrace under the signal line"
	head -20 "$tmp/t" | sed 's/^/# /'
fi
traced "-k after exec" -k --trace=getpid -- sh -c "$guest noopen; true"
has "-k after fork+exec: main" '^\[pid +[0-9]+\]  > /.*/trace_calls\(main\+0x|^ > /.*/trace_calls\(main\+0x'
finish
