#!/bin/sh
# strace's everyday options against strace itself: the same guest under
# strace OPTIONS and ptsandbox OPTIONS, lines compared after
# normalising what differs between any two runs (the pid, addresses,
# times).
. "$TESTLIB"

command -v strace >/dev/null || skip_all "strace is not installed"
strace -f -qq -e trace=getpid -o /dev/null true 2>/dev/null ||
	skip_all "strace cannot trace here (ptrace not permitted?)"

guest=$GUESTS/trace_calls
set=openat,close,getpid,kill,write,exit_group
ln -s /dev/null "$tmp/null-link"

# normalise FILE: pid -> PID, addresses -> ADDR, times -> T, -c's figures,
# and under -v the environment's "_" (the shell's name of the tracer) and
# st_atime (the first run's read of a changed ld.so.cache moves it).  A
# line naming the pid loses its padding: the two runs' pids may differ in
# width (9999 and 10000 here, where pid_max is 32768), and so would the
# column of its result.
normalise() {
	pid=$(sed -n -e 's/.*si_pid=\([0-9]*\).*/\1/p' -e 's/^getpid() *= \([0-9]*\)$/\1/p' "$1" |
		head -n 1)
	sed -e "s/\\b${pid:-PID}\\b/PID/g" -e 's/0x[0-9a-f]\+/ADDR/g' \
		-e 's/^ *[0-9]\+\.[0-9]\{6\} /T /' \
		-e 's/^[0-9:]\{8\}\(\.[0-9]\{6\}\)\? /T /' \
		-e 's/^ *[0-9]\+\.[0-9]\{2\} \+[0-9]\+\.[0-9]\{6\} \+[0-9]\+ \+/ROW /' \
		-e 's/:\[[0-9]\+\(->[0-9]\+\)\?/:[INO/g' -e 's/\[[0-9a-f]\{16\}\]/[IP]/g' \
		-e 's/"_=[^"]*"\(\.\.\.\)\?/"_=TRACER"/' \
		-e 's|st_atime=[0-9]\+ /\* [^*]* \*/, st_atime_nsec=[0-9]\+|st_atime=T|g' \
		-e '/PID/s/) \+= /) = /' "$1"
}

# same NAME OPTION...: ptsandbox OPTION... prints what strace OPTION... prints.
same() {
	name=$1
	shift
	# One file for the guest's output in both runs: -y shows its name.
	g=${same_guest:-$guest}
	$bounded strace "$@" -o "$tmp/strace.raw" "$g" >"$tmp/guest.out" 2>&1 </dev/null
	$bounded "$PTSANDBOX" "$@" -o "$tmp/psb.raw" -- "$g" >"$tmp/guest.out" 2>&1 </dev/null
	normalise "$tmp/strace.raw" >"$tmp/strace.txt"
	normalise "$tmp/psb.raw" >"$tmp/psb.txt"
	if [ ! -s "$tmp/strace.txt" ]; then
		not_ok "$name: strace printed nothing"
		sed 's/^/# /' "$tmp/guest.out" | head -5
		return 1
	fi
	if ! diff "$tmp/strace.txt" "$tmp/psb.txt" >"$tmp/diff"; then
		not_ok "$name: lines differ from strace's"
		head -20 "$tmp/diff" | sed 's/^/# /'
		return 1
	fi
	ok "$name ($(wc -l <"$tmp/psb.txt") lines as strace)"
}

same "-n syscall numbers" -n -e trace=$set
same "--syscall-number" --syscall-number -e trace=$set
same "-r relative timestamps" -r -e trace=$set
same "-i instruction pointers" -i -e trace=$set
same "-i -t -n together" -i -t -n -e trace=$set
same "--instruction-pointer -f" --instruction-pointer -f -e trace=$set
same "-a 20" -a 20 -e trace=$set
same "--columns=60" --columns=60 -e trace=$set
same "-qq: no exit line" -qq -e trace=$set
same "-e quiet=exit" -e quiet=exit -e trace=$set
same "-z successful only" -z -e trace=$set
same "--successful-only" --successful-only -e trace=$set
same "-Z failed only" -Z -e trace=$set
same "--failed-only" --failed-only -e trace=$set
same "-e status=failed,unfinished" -e status=failed,unfinished -e trace=$set
same "-e status=!successful" -e 'status=!successful' -e trace=$set
same "-e signal=none" -e signal=none -e trace=$set
same "-e signal=!SIGUSR1" -e 'signal=!SIGUSR1' -e trace=$set
same "-e signal=USR1" -e signal=USR1 -e trace=$set
same "--seccomp-bpf" --seccomp-bpf -f -e trace=$set
same "-y descriptor paths" -y -e trace=$set,read,newfstatat
same "--decode-fds" --decode-fds -e trace=$set,read
same "-x non-ASCII strings in hex" -x -e trace=$set,read
same "-xx every string in hex" -xx -e trace=$set,read
same "-e raw=write,close" -e raw=write,close -e trace=$set
same "--raw=all" --raw=all -e trace=$set
# -X: constants as numbers (flags, AT_FDCWD, signals, si_code, st_mode).
xset=$set,newfstatat,rt_sigaction,mprotect
same "-X raw" -X raw -e trace=$xset
same "-X verbose" -X verbose -e trace=$xset
same "--const-print-style=verbose" --const-print-style=verbose -e trace=$xset
same "-X abbrev" -X abbrev -e trace=$xset
# -v: execve's environment in full, every stat field; abbrev=SET per call.
same "-v: execve's environment, stat in full" -v -e trace=execve,newfstatat,$set
same "--no-abbrev -X verbose" --no-abbrev -X verbose -e trace=execve,newfstatat,$set
same "-e abbrev=none" -e abbrev=none -e trace=execve,newfstatat,$set
same "-e abbrev=execve: only execve abbreviated" -e abbrev=execve -e trace=execve,newfstatat
same "-e abbrev=!execve" -e 'abbrev=!execve' -e trace=execve,newfstatat
same "-e verbose=all (the default)" -e verbose=all -e trace=newfstatat,$set
# verbose=SET: the structures of the others are their addresses, strings stay.
same "-e verbose=none: addresses for structures" -e verbose=none -e trace=execve,newfstatat,$set
same "-e verbose=newfstatat" -e verbose=newfstatat -e trace=execve,newfstatat,$set
same "-e verbose=!execve -v" -v -e 'verbose=!execve' -e trace=execve,newfstatat,$set
same "--verbose=%signal" --verbose=%signal -e trace=$xset
same "-e write=1: hex dump of what is written" -e write=1 -e trace=$set
same "-e read=all -e write=all" -e read=all -e write=all -e trace=$set,read,pread64
same "--write=!0" --write='!0' -e trace=$set
same_guest=$GUESTS/decode_calls
same "-yy: sockets, devices, passed descriptors" -yy \
	-e trace=socketpair,socket,sendmsg,recvmsg,getsockname,setsockopt,openat2,fcntl,ioctl,sendmmsg
same "-y: descriptor arrays and SCM_RIGHTS" -y -e trace=socketpair,sendmsg,recvmsg,openat2
same "-e verbose=none: sockets, messages, options, capabilities" -e verbose=none \
	-e trace=socketpair,sendmsg,recvmsg,sendmmsg,recvmmsg,setsockopt,getsockopt,getsockname,capget,prlimit64,ioctl,rt_sigaction,poll,ppoll,openat2
# -X on sockets, capability sets, termios fields, rlimits, signal sets, si_code.
xset=capget,capset,ioctl,rt_sigaction,rt_sigprocmask,rt_sigreturn,prlimit64,prctl
xset=$xset,getsockname,setsockopt,getsockopt,tgkill,socket,mprotect,openat
same "-X raw: structures' constants" -X raw -e trace=$xset
same "-X verbose: structures' constants" -X verbose -e trace=$xset
same "-v: termios in full" -v -e trace=ioctl,capget,prlimit64
same "-v -X raw: termios in full" -v -X raw -e trace=ioctl
# A real program: socket's type and flags are two numbers under -X.
same_guest=$(command -v id)
same "-X raw: id" -X raw -e trace=socket,connect,openat,newfstatat,futex
same "-X verbose: id" -X verbose -e trace=socket,connect,openat,newfstatat,futex
same "-v: id" -v -e trace=socket,connect,openat,execve
same "-e v=%network: id" -e v=%network -e trace=socket,connect,openat,newfstatat,execve
same_guest=$(command -v uname)
same "-v: uname in full" -v -e trace=uname
same_guest=
same "-P /dev/null" -P /dev/null
same "-P through a symlink" -P "$tmp/null-link"
same "-c -S calls" -c -S calls -e trace=$set
same "-c -S name" -c -S name -e trace=$set
same "--summary-only --summary-sort-by=errors" --summary-only --summary-sort-by=errors -e trace=$set
same "-C: lines and the table" -C -S calls -e trace=$set
same "-w accepted" -c -w -S name -e trace=$set

# -A appends to the -o file, as strace -A.
echo "kept line" >"$tmp/append.txt"
"$PTSANDBOX" -A -o "$tmp/append.txt" -e trace=getpid -- "$guest" noopen >/dev/null 2>&1
"$PTSANDBOX" --output-append-mode -o "$tmp/append.txt" -e trace=getpid -- "$guest" noopen >/dev/null 2>&1
if [ "$(head -n 1 "$tmp/append.txt")" = "kept line" ] &&
	[ "$(grep -c '^getpid()' "$tmp/append.txt")" = 2 ]; then
	ok "-A, --output-append-mode: appended"
else
	not_ok "-A: the file was not appended to"
	head -5 "$tmp/append.txt" | sed 's/^/# /'
fi

# -E and -u change the guest's environment and credentials as strace's.
run_capture native env FOO=bar sh -c 'echo "$FOO ${HOME-unset}"'
run_capture sandbox "$PTSANDBOX" -E FOO=bar -E HOME -- sh -c 'echo "$FOO ${HOME-unset}"'
if [ "$(cat "$tmp/sandbox.out")" = "bar unset" ]; then
	ok "-E VAR=VAL sets, -E VAR unsets"
else
	not_ok "-E: guest saw '$(cat "$tmp/sandbox.out")'"
fi
if id nobody >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	want=$(strace -qq -o /dev/null -u nobody id -u)
	got=$("$PTSANDBOX" -u nobody -- id -u)
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		ok "-u nobody: the guest runs as $got, as under strace"
	else
		not_ok "-u nobody: uid $got, strace gives $want"
	fi
fi
# The set is parsed when tracing starts, as -e raw='s.
expect_status "-e abbrev= of an unknown call" 125 "$PTSANDBOX" -e abbrev=nosuchcall \
	-e trace=getpid -- true
expect_status "-e verbose= of an unknown call" 125 "$PTSANDBOX" -e verbose=nosuchcall \
	-e trace=getpid -- true
expect_status "-u of an unknown user" 125 "$PTSANDBOX" -u ptsandbox-no-such-user -- true

# Unknown options and unsupported values: one line naming the option.
# -e signal= and -e read=/write= share one parser (trace/filters.c): a
# bad signal or descriptor is named, whichever option it came in, and
# also without a trace set (nothing traced, yet a bad value, as strace).
for bad in -j --bogus-option "-X bogus" "-e nosuch=1" "-e status=bogus" "-S sideways" \
	"-e trace=getpid -e signal=SIGFOO" "-e trace=getpid -e signal=65" \
	"-e trace=getpid -e read=x" "-e trace=getpid -e write=4096" \
	"-e signal=SIGFOO" "-e raw=nosuchcall" "-e verbose=nosuchcall"; do
	# shellcheck disable=SC2086
	run_capture sandbox "$PTSANDBOX" $bad -- true </dev/null
	first=$(head -n 1 "$tmp/sandbox.err")
	# The message names the option or its bad value.
	opt=${bad##*[ =]}
	case $first in
	"ptsandbox: "*"${opt#-}"*)
		if [ "$(cat "$tmp/sandbox.rc")" = 125 ]; then
			ok "'$bad': exit 125, one line naming it"
		else
			not_ok "'$bad': status $(cat "$tmp/sandbox.rc")"
		fi
		;;
	*) not_ok "'$bad': message '$first'" ;;
	esac
done
finish
