#!/bin/sh
# ptsandbox -p: attach to a running process, dump or trace it, detach.
# The reference is a native run of the same guest: after the attach and
# the detach, the guest must finish with the same output and status, as
# if it had never been attached (no lost wakeup, no EINTR of ours).
. "$TESTLIB"

guest=$GUESTS/attach_target

# start MODE: the guest in the background, blocked until release; its
# pid from the handshake in $gpid.
start() {
	rm -f "$tmp/ready" "$tmp/go"
	mkfifo "$tmp/ready" "$tmp/go"
	$bounded "$guest" "$1" "$tmp/ready" "$tmp/go" >"$tmp/guest.out" 2>&1 </dev/null &
	gjob=$!
	gpid=$(read_ready "$tmp/ready")
}

# release: let the guest go on (it reads a line from the fifo), wait for it.
release() {
	echo go >"$tmp/go"
	wait $gjob
	echo $? >"$tmp/guest.rc"
}

# stop_guest: SIGSTOP, and wait until every thread is in the group-stop
# (asynchronous in the kernel: only polling /proc observes it).
stop_guest() {
	kill -STOP "$gpid"
	i=0
	while [ $i -lt 200 ]; do
		running=$(cat /proc/"$gpid"/task/*/stat 2>/dev/null | sed 's/.*) //' | cut -c1 |
			grep -vc T)
		[ "$running" -eq 0 ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "# $gpid never stopped"
	return 1
}

# wait_state PID STATE: until PID's /proc state is STATE (asynchronous,
# as above).
wait_state() {
	i=0
	while [ $i -lt 200 ]; do
		[ "$(sed 's/.*) //' "/proc/$1/stat" | cut -c1)" = "$2" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "# $1 never reached state $2"
	return 1
}

# native MODE [stopped|usr1]: the reference output and status, never
# attached (stopped: stopped and continued, usr1: sent SIGUSR1, as the
# test will).
native() {
	start "$1"
	case $2 in
	stopped)
		stop_guest
		kill -CONT "$gpid"
		;;
	usr1) kill -USR1 "$gpid" ;;
	esac
	release
	mv "$tmp/guest.out" "$tmp/native-$1$2.out"
	mv "$tmp/guest.rc" "$tmp/native-$1$2.rc"
}

# same_as_native NAME MODE: the released guest did what it does natively.
same_as_native() {
	if ! cmp -s "$tmp/native-$2.rc" "$tmp/guest.rc"; then
		not_ok "$1: guest status $(cat "$tmp/guest.rc"), natively $(cat "$tmp/native-$2.rc")"
		return 1
	fi
	if ! cmp -s "$tmp/native-$2.out" "$tmp/guest.out"; then
		not_ok "$1: guest output differs from a native run"
		diff "$tmp/native-$2.out" "$tmp/guest.out" | sed 's/^/# /'
		return 1
	fi
	ok "$1"
}

# attach_bg CMD...: CMD (a tracer given -p $gpid) in the background, its
# stderr on fd 3 through a fifo; returns once it said it attached.  Not
# bounded itself: the guest is, and a tracer ends with its tracee.
attach_bg() {
	rm -f "$tmp/perr"
	mkfifo "$tmp/perr"
	"$@" -p "$gpid" 2>"$tmp/perr" >/dev/null &
	pjob=$!
	exec 3<"$tmp/perr"
	IFS= read -r line <&3
	echo "$line" >"$tmp/attach.err"
}

# attach_end: the rest of the tracer's stderr, its exit status in $prc.
attach_end() {
	cat <&3 >>"$tmp/attach.err"
	exec 3<&-
	wait $pjob
	prc=$?
}

# one_line_error NAME ARGS...: ptsandbox ARGS fails with 125 and one line.
one_line_error() {
	name=$1
	shift
	$bounded "$PTSANDBOX" "$@" >"$tmp/err.out" 2>"$tmp/err.err" </dev/null
	rc=$?
	if [ $rc -ne 125 ] || [ "$(wc -l <"$tmp/err.err")" -ne 1 ] ||
		! grep -q '^ptsandbox: ' "$tmp/err.err"; then
		not_ok "$name: status $rc, want 125 and one 'ptsandbox: ' line"
		sed 's/^/# stderr: /' "$tmp/err.err" | head -5
		return 1
	fi
	ok "$name ($(cat "$tmp/err.err"))"
}

native threads
# A stop makes epoll_wait and sigwaitinfo fail with EINTR (signal(7)).
native threads stopped
native trace
native trace usr1
native fork

# --dump: every thread's blocked call and backtrace, then detach.
t0=$(date +%s%N)
start threads
$bounded "$PTSANDBOX" --dump -p "$gpid" >/dev/null 2>"$tmp/dump.err"
drc=$?
t1=$(date +%s%N)
release
if [ $drc -ne 0 ]; then
	not_ok "--dump: status $drc"
	sed 's/^/# /' "$tmp/dump.err" | head -20
else
	missing=
	for call in clock_nanosleep read futex 'epoll_p\{0,1\}wait' rt_sigtimedwait wait4; do
		grep -q "^ptsandbox: thread [0-9]* (.*)\( of pid [0-9]*\)\{0,1\}: $call(" "$tmp/dump.err" ||
			missing="$missing $call"
	done
	threads=$(grep -c '^ptsandbox: thread ' "$tmp/dump.err")
	frames=$(grep -c '^    #0 ' "$tmp/dump.err")
	if [ -n "$missing" ] || [ "$threads" -ne 7 ] || [ "$frames" -ne 7 ]; then
		not_ok "--dump: $threads threads, $frames backtraces, missing:$missing"
		sed 's/^/# /' "$tmp/dump.err" | head -40
	else
		ok "--dump names the 7 threads' blocked calls, with backtraces"
	fi
	# How long each has been blocked: known, and no longer than the guest ran.
	bad=$(grep '^ptsandbox: thread ' "$tmp/dump.err" |
		awk -v max="$(((t1 - t0) / 1000000))" '
			!/ for [0-9]+\.[0-9] s <wchan / { print; next }
			{ for (i = 1; i < NF; i++) if ($i == "for" && $(i + 2) == "s") v = $(i + 1)
			  if (v * 1000 > max + 100) print }')
	if [ -n "$bad" ]; then
		not_ok "--dump: blocked times missing or over $(((t1 - t0) / 1000000)) ms"
		echo "$bad" | sed 's/^/# /'
	else
		ok "--dump says how long each thread has been blocked"
	fi
fi
same_as_native "--dump, then detach: the guest finishes as natively" threads

# --trace, then SIGINT: every thread detached, the guest runs on as natively.
start threads
attach_bg "$PTSANDBOX" --trace
# Each thread's restarted call is printed; six lines are closed by the next.
n=0
while [ $n -lt 6 ] && IFS= read -r line <&3; do
	echo "$line" >>"$tmp/attach.err"
	case $line in *'<unfinished ...>') n=$((n + 1)) ;; esac
done
kill -INT $pjob
attach_end
release
if [ $prc -eq 130 ] && [ $n -eq 6 ] &&
	[ "$(grep -c '^ptsandbox: Process [0-9]* detached' "$tmp/attach.err")" -eq 7 ]; then
	ok "SIGINT detaches the 7 threads, status 130"
else
	not_ok "SIGINT: status $prc, $n calls seen"
	sed 's/^/# /' "$tmp/attach.err" | head -30
fi
same_as_native "--trace, SIGINT: the guest finishes as natively" threads

# --dump-on=USR1 while attached (not tracing): each dump interrupts every
# thread again; no call may see it.
start threads
attach_bg "$PTSANDBOX" --dump-on=USR1
for round in 1 2; do
	kill -USR1 $pjob
	n=0
	while [ $n -lt 7 ] && IFS= read -r line <&3; do
		echo "$line" >>"$tmp/attach.err"
		case $line in 'ptsandbox: thread '*) n=$((n + 1)) ;; esac
	done
done
release
attach_end
if [ $prc -eq 0 ] && [ "$(grep -c '^ptsandbox: thread ' "$tmp/attach.err")" -eq 14 ]; then
	ok "--dump-on=USR1 twice while attached: 2 dumps of 7 threads"
else
	not_ok "--dump-on=USR1: status $prc"
	sed 's/^/# /' "$tmp/attach.err" | grep -v '    #' | head -30
fi
same_as_native "--dump-on twice: the guest finishes as natively" threads

# --dump of a stopped process: it stays stopped, as the native one.
start threads
stop_guest
$bounded "$PTSANDBOX" --dump -p "$gpid" >/dev/null 2>"$tmp/dump.err"
drc=$?
state=$(sed 's/.*) //' "/proc/$gpid/stat" | cut -c1)
kill -CONT "$gpid"
release
if [ $drc -eq 0 ] && [ "$state" = T ]; then
	ok "a stopped process is still stopped after the --dump"
else
	not_ok "stopped process: --dump status $drc, state after detach '$state'"
	sed 's/^/# /' "$tmp/dump.err" | head -20
fi
same_as_native "stopped, dumped, continued: the guest finishes as natively" threadsstopped

# A thread in a signal-delivery-stop is detached with its signal.  Not
# tracing (--dump-on alone), the attached guest stops at signals only: once
# it has slept again after the attach's stop (two more voluntary context
# switches: the stop, the restarted read), stop the tracer, let the guest
# take SIGUSR1 (it stops for its tracer: 't'), then detach.
start trace
switches=$(sed -n 's/^voluntary_ctxt_switches:\t*//p' "/proc/$gpid/status")
attach_bg "$PTSANDBOX" --dump-on=USR2
i=0
while [ $i -lt 200 ] && { [ "$(sed 's/.*) //' "/proc/$gpid/stat" | cut -c1)" != S ] ||
	[ "$(sed -n 's/^voluntary_ctxt_switches:\t*//p' "/proc/$gpid/status")" -lt $((switches + 2)) ]; }; do
	sleep 0.05
	i=$((i + 1))
done
kill -STOP $pjob
kill -USR1 "$gpid"
wait_state "$gpid" t
kill -INT $pjob
kill -CONT $pjob
attach_end
release
if [ $prc -eq 130 ]; then
	ok "detached from a signal-delivery-stop, status 130"
else
	not_ok "detach at a signal-delivery-stop: status $prc"
	sed 's/^/# /' "$tmp/attach.err" | head
fi
same_as_native "detached at SIGUSR1's delivery: the handler ran once, as natively" traceusr1

# -c: the table once the process exits.
start trace
attach_bg "$PTSANDBOX" -c
release
attach_end
if [ $prc -eq 0 ] && grep -q ' getppid$' "$tmp/attach.err" && grep -q ' total$' "$tmp/attach.err"; then
	ok "-c counts the calls of the attached process"
else
	not_ok "-c: status $prc"
	sed 's/^/# /' "$tmp/attach.err" | head -20
fi
same_as_native "-c: the guest finishes as natively" trace

# -f follows a child forked after the attach; without -f it is not traced.
for f in -f ''; do
	start fork
	attach_bg "$PTSANDBOX" $f --trace=exit_group -o "$tmp/fork.trace"
	release
	attach_end
	if [ -n "$f" ]; then
		grep -q 'exit_group(5)' "$tmp/fork.trace" &&
			grep -q '+++ exited with 5 +++' "$tmp/fork.trace"
	else
		! grep -q 'exit_group(5)' "$tmp/fork.trace" &&
			grep -q 'exit_group(0)' "$tmp/fork.trace"
	fi
	if [ $? -eq 0 ] && [ $prc -eq 0 ]; then
		ok "attached ${f:-without -f}: the forked child is $([ -n "$f" ] || printf 'not ')traced"
	else
		not_ok "attached ${f:-without -f}: status $prc"
		sed 's/^/# /' "$tmp/fork.trace" | head -20
	fi
	same_as_native "fork ${f:-without -f}: the guest finishes as natively" fork
done

# The errors: one line, status 125; an already traced process (EPERM).
one_line_error "-p 0" -p 0
one_line_error "-p abc" -p abc
one_line_error "-p 1,x" -p 1,x
one_line_error "-p of no process" -p 2147483647
one_line_error "-p with a command" -p 1 -- true
one_line_error "-p with a policy" -p 1 --rox=/
one_line_error "-p with --timeout" -p 1 --timeout=5
one_line_error "-p with --interrupt" -p 1 --interrupt=nanosleep
one_line_error "-p with an injected delay" -p 1 -e inject=read:delay_enter=1s
start trace
attach_bg "$PTSANDBOX" --trace -o /dev/null
one_line_error "-p of a traced process (EPERM)" -p "$gpid"
kill -TERM $pjob
attach_end
release
if [ $prc -eq 143 ]; then
	ok "SIGTERM detaches, status 143"
else
	not_ok "SIGTERM: status $prc"
fi
same_as_native "attached twice: the guest finishes as natively" trace

# The lines of strace -p on the same guest (pids and addresses normalised).
if command -v strace >/dev/null; then
	for tracer in strace ptsandbox; do
		start trace
		if [ $tracer = strace ]; then
			attach_bg strace -o "$tmp/$tracer.raw"
		else
			attach_bg "$PTSANDBOX" --trace -o "$tmp/$tracer.raw"
		fi
		release
		attach_end
		# From the first call after the release: the read it waited in
		# may have been restarted by the attach or have returned before.
		sed -n '/^getppid/,$p' "$tmp/$tracer.raw" |
			sed -e "s/\\b$gpid\\b/PID/g" -e 's/0x[0-9a-f]\+/ADDR/g' \
				-e 's/^\(getppid() *= \)[0-9]*/\1PPID/' \
				-e 's/^getrandom("[^"]*"/getrandom("BYTES"/' >"$tmp/$tracer.txt"
	done
	if [ -s "$tmp/strace.txt" ] && diff "$tmp/strace.txt" "$tmp/ptsandbox.txt" >"$tmp/diff"; then
		ok "--trace -p: $(wc -l <"$tmp/strace.txt") lines as strace -p"
	else
		not_ok "--trace -p: lines differ from strace -p's"
		sed 's/^/# /' "$tmp/diff" | head -20
	fi
else
	echo "# strace not installed: no comparison with strace -p"
fi

finish
