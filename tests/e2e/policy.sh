#!/bin/sh
# Sandbox policy: one guest per way out, under a policy that forbids it.
# Each must fail with the errno the kernel documents for the rule, the
# guest must go on ("after"), and ptsandbox must report the denial with
# the rule.  Run as root too (CI is root): root keeps nothing that
# defeats the policy.
. "$TESTLIB"

E=$GUESTS/escape
case $GUESTS in /*) ;; *) E=$PWD/$GUESTS/escape ;; esac
guests_dir=$(cd "$GUESTS" && pwd)

# The rules a dynamically linked guest needs, plus a writable tree.
mkdir -p "$tmp/rw" "$tmp/out"
echo secret >"$tmp/out/secret"
echo mine >"$tmp/rw/f"
base="--rox=/usr --rox=/lib --ro=/etc --rox=$guests_dir --rw=$tmp/rw"
[ -d /lib64 ] && base="$base --rox=/lib64"

probe=$("$PTSANDBOX" $base -- true 2>&1)
case $probe in
*"lacks Landlock"*) skip_all "the kernel cannot enforce a policy: $probe" ;;
esac

# denied NAME WANT REPORT ROUTE ARGS...: the route fails with errno WANT
# under $base $extra, the guest goes on, and stderr has a denial report
# containing REPORT.
denied() {
	name=$1
	want=$2
	report=$3
	shift 3
	run_capture sandbox "$PTSANDBOX" $base $extra -- "$E" "$@" </dev/null
	route=$1
	if ! grep -qx "$route: $want" "$tmp/sandbox.out" || ! grep -qx after "$tmp/sandbox.out"; then
		not_ok "$name: want '$route: $want' then 'after'"
		sed 's/^/# stdout: /' "$tmp/sandbox.out" | head -5
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
		return
	fi
	if ! grep '^ptsandbox: denied: \[pid [0-9]*\] ' "$tmp/sandbox.err" | grep -qF -- "$report"; then
		not_ok "$name: no denial report with '$report'"
		sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
		return
	fi
	ok "$name ($want, reported)"
}

extra=
s=$tmp/out/secret
rule="no --ro/--rw rule covers it"
denied "read outside the rules" EACCES "$s: $rule" read "$s"
denied "write outside the rules" EACCES "$tmp/out/new: no --rw/--rwx rule covers it" \
	write "$tmp/out/new"
denied "write under --ro" EACCES "/etc/psb-new: no --rw/--rwx rule covers it (--ro=/etc" \
	write /etc/psb-new
denied "dot-dot out of a --rw tree" EACCES "$s: $rule" dotdot "$tmp/rw" ../out/secret
denied "symlink out of a --rw tree" EACCES "$s: $rule" symlink "$tmp/rw" "$s"
denied "/proc/self/root" EACCES "$s: $rule" procroot "$s"
denied "/proc/self/cwd" EACCES "$s: $rule" proccwd "$tmp/rw" ../out/secret
denied "openat2" EACCES "$s: $rule" openat2 "$s"
denied "a thread" EACCES "$s: $rule" thread "$s"
denied "a child process" EACCES "$s: $rule" child "$s"
denied "hard link out" EXDEV "link(" hardlink "$s" "$tmp/rw"
denied "rename out of a --rw tree" EACCES "rename(" renameout "$tmp/rw/f" "$tmp/out/f"
denied "truncate under no rule" EACCES "truncate(" truncate "$s"
[ -f "$tmp/rw/f" ] && [ -s "$s" ] && ok "the files are untouched" || not_ok "a file was changed"

# The fast path (report.c, granted()) skips the exit stop of a call the
# rules grant, judged at its seccomp stop.  Each case below is a name
# that looks granted when read naively and that the kernel resolves
# out of the rules: the denial must still be reported.
# ".." after a symlink is the parent of the link's target, not of the link.
mkdir -p "$tmp/out/deep"
echo decoy >"$tmp/rw/secret"
ln -s "$tmp/out/deep" "$tmp/rw/dl"
denied "dot-dot after a symlinked directory" EACCES "$s: $rule" read "$tmp/rw/dl/../secret"
# /proc/self/cwd is the guest's cwd: here ptsandbox's own is a granted
# tree that holds a file of the same name.
sb_rel=$PTSANDBOX
PTSANDBOX=$(cd "$(dirname "$sb_rel")" && pwd)/$(basename "$sb_rel")
here=$PWD
cd "$tmp/rw" || exit 1
denied "/proc/self/cwd from a granted cwd" EACCES "$s: $rule" proccwd "$tmp/out" secret
cd "$here" || exit 1
PTSANDBOX=$sb_rel
# O_CREAT through a dangling symlink in a --rw tree creates its target
# in a --ro one.
ln -s /etc/psb-dangling "$tmp/rw/dangle"
denied "O_CREAT through a dangling symlink" EACCES \
	"/etc/psb-dangling: no --rw/--rwx rule covers it (--ro=/etc" write "$tmp/rw/dangle"
[ ! -e /etc/psb-dangling ] && ok "the dangling symlink's target was not made" ||
	not_ok "/etc/psb-dangling was made"

# A device readable but not --rw: Landlock refuses its ioctls (the driver
# itself answers EINVAL natively, so EACCES is the policy's).
run_capture native "$E" devioctl /dev/urandom </dev/null
grep -qx 'devioctl: EACCES' "$tmp/native.out" && not_ok "devioctl: EACCES natively: bad test setup"
extra=--ro=/dev/urandom
denied "device ioctl under --ro" EACCES "/dev/urandom: no --rw/--rwx rule covers it (--ro=/dev/urandom" \
	devioctl /dev/urandom
extra=

# An exec'd program stays confined: cat fails as natively on EACCES.
run_capture sandbox "$PTSANDBOX" $base -- "$E" exec "$s" </dev/null
if [ "$(cat "$tmp/sandbox.rc")" = 1 ] && grep -q 'Permission denied' "$tmp/sandbox.err" &&
	grep -q "^ptsandbox: denied: .*$s: $rule" "$tmp/sandbox.err"; then
	ok "an exec'd program (status 1, reported)"
else
	not_ok "an exec'd program: status $(cat "$tmp/sandbox.rc")"
	sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
fi

# A setuid-root copy of cat gains nothing (no_new_privs) and stays confined.
cp /bin/cat "$tmp/rw/suidcat" && chmod 4755 "$tmp/rw/suidcat"
run_capture sandbox "$PTSANDBOX" $base --rox="$tmp/rw/suidcat" -- "$tmp/rw/suidcat" "$s" </dev/null
if [ "$(cat "$tmp/sandbox.rc")" = 1 ] && grep -q "^ptsandbox: denied: .*$s" "$tmp/sandbox.err"; then
	ok "a setuid program (status 1, reported)"
else
	not_ok "a setuid program: status $(cat "$tmp/sandbox.rc")"
fi

# The always-denied list.
denied "ioctl(TIOCSTI)" EPERM "TIOCSTI types into the terminal" tiocsti
denied "io_uring_setup" EPERM "io_uring_setup: always denied" io_uring
denied "mount" EPERM "mount: always denied" mount
denied "bpf" EPERM "bpf: always denied" bpf
denied "userfaultfd" EPERM "userfaultfd: always denied" userfaultfd
run_capture native "$E" io_uring </dev/null
run_capture sandbox "$PTSANDBOX" $base --allow=io_uring_setup -- "$E" io_uring </dev/null
if cmp -s "$tmp/native.out" "$tmp/sandbox.out" && ! grep -q denied "$tmp/sandbox.err"; then
	ok "--allow=io_uring_setup lets it through ($(head -1 "$tmp/native.out"))"
else
	not_ok "--allow=io_uring_setup: $(cat "$tmp/sandbox.out")"
fi

# Scope: processes outside the sandbox.
extra=
denied "ptrace of ptsandbox's parent" EPERM "pid $$: it is outside the sandbox" ptrace $$
denied "kill of ptsandbox's parent" EPERM "pid $$: it is outside the sandbox" kill $$
mkfifo "$tmp/ready"
"$E" listen "psb-$$" >"$tmp/ready" &
listener=$!
read_ready "$tmp/ready" >/dev/null
denied "abstract socket outside" EPERM "abstract unix socket @psb-$$" abstract "psb-$$"
kill "$listener"

# Network.
extra=--net=none
denied "UDP under --net=none" EACCES "only TCP, unix and netlink sockets" udp
denied "TCP connect under --net=none" EACCES "TCP port 9: no --connect=9 rule" tcp 9
denied "TCP bind under --net=none" EACCES "TCP port 8080: no --bind=8080 rule" bindtcp 8080
extra="--net=none --bind=8081"
run_capture sandbox "$PTSANDBOX" $base $extra -- "$E" bindtcp 8081 </dev/null
grep -qx 'bindtcp: ok' "$tmp/sandbox.out" && ok "--bind=8081 allows it" ||
	not_ok "--bind=8081: $(cat "$tmp/sandbox.out")"

# Root's capabilities that would defeat the policy are gone.
if [ "$(id -u)" = 0 ]; then
	extra=
	run_capture sandbox "$PTSANDBOX" $base -- "$E" mknod "$tmp/rw" </dev/null
	grep -qx 'mknod: EPERM' "$tmp/sandbox.out" &&
		grep -q "^ptsandbox: denied: .*mknod.*$tmp/rw/disk: CAP_MKNOD is dropped" "$tmp/sandbox.err" &&
		ok "root: no block device in a --rw tree (reported)" ||
		not_ok "root mknod: $(cat "$tmp/sandbox.out")"
	run_capture sandbox "$PTSANDBOX" $base --rlimit=nofile=64 -- "$E" rlimit-raise </dev/null
	grep -qx 'rlimit-raise: EPERM' "$tmp/sandbox.out" && ok "root: cannot raise --rlimit" ||
		not_ok "root rlimit raise: $(cat "$tmp/sandbox.out")"
fi

# A guest that is not root: the same rules, no_new_privs instead of CAP_SYS_ADMIN.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	pub=$(mktemp -d "${TMPDIR:-/tmp}/ptsandbox-pub.XXXXXX")
	chmod 755 "$pub"
	echo secret >"$pub/secret"
	chmod 644 "$pub/secret"
	cp "$E" "$pub/escape"
	asnobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	run_capture sandbox $asnobody "$PTSANDBOX" --rox=/usr --rox=/lib --ro=/etc --rox="$pub/escape" \
		-- "$pub/escape" read "$pub/secret" </dev/null
	if [ "$(cat "$tmp/sandbox.rc")" = 126 ] || [ "$(cat "$tmp/sandbox.rc")" = 127 ]; then
		echo "# skipped the non-root check: $(head -1 "$tmp/sandbox.err")"
	elif grep -qx 'read: EACCES' "$tmp/sandbox.out" &&
		grep -q "^ptsandbox: denied: .*$pub/secret: no --ro/--rw rule covers it" "$tmp/sandbox.err"; then
		ok "uid 65534: read outside the rules (EACCES, reported)"
	else
		not_ok "uid 65534: $(cat "$tmp/sandbox.out") $(head -3 "$tmp/sandbox.err")"
	fi
	rm -rf "$pub"
fi

# --ro grants no execute: the report says which option would.
run_capture sandbox "$PTSANDBOX" --ro=/ -- "$E" getpid </dev/null
[ "$(cat "$tmp/sandbox.rc")" = 126 ] &&
	grep -q '^ptsandbox: denied: .*execve(.*--ro=/ covers it but grants no execute: use --rox=/)' \
		"$tmp/sandbox.err" &&
	ok "exec under --ro=/ (126, reported: use --rox)" ||
	not_ok "exec under --ro=/: status $(cat "$tmp/sandbox.rc"), $(head -1 "$tmp/sandbox.err")"
# A program that may run but whose interpreter (ld.so) may not.
run_capture sandbox "$PTSANDBOX" --ro=/ --rox="$guests_dir" -- "$E" getpid </dev/null
if [ "$(cat "$tmp/sandbox.rc")" = 0 ]; then
	echo "# skipped the interpreter check: $E is not dynamically linked"
elif [ "$(cat "$tmp/sandbox.rc")" = 126 ] &&
	grep -q "^ptsandbox: denied: .*execve(.*(/.*: the interpreter of .*escape: --ro=/ covers it but grants no execute: use --rox=/)" \
		"$tmp/sandbox.err"; then
	ok "exec whose interpreter is under --ro=/ (126, reported)"
else
	not_ok "exec's interpreter: status $(cat "$tmp/sandbox.rc"), $(head -1 "$tmp/sandbox.err")"
fi

# -u USER under a file policy: the supplementary groups are USER's (read
# by the supervisor: the confined child cannot read /etc/group), and no
# read of the group file is reported.
if [ "$(id -u)" = 0 ]; then
	guser=$(getent passwd | cut -d: -f1 | while read -r u; do
		[ "$(id -G "$u" 2>/dev/null | wc -w)" -gt 1 ] && echo "$u" && break
	done)
	if [ -z "$guser" ]; then
		echo "# skipped -u under a policy: no user with supplementary groups"
	else
		# No rule over /etc: the guest cannot read the group file itself.
		noetc="--rox=/usr --rox=/lib"
		[ -d /lib64 ] && noetc="$noetc --rox=/lib64"
		run_capture sandbox "$PTSANDBOX" -u "$guser" $noetc -- /usr/bin/id -G </dev/null
		if [ "$(cat "$tmp/sandbox.out")" = "$(id -G "$guser")" ] &&
			! grep -q '/etc/group' "$tmp/sandbox.err"; then
			ok "-u $guser under a policy: groups $(cat "$tmp/sandbox.out")"
		else
			not_ok "-u $guser: groups '$(cat "$tmp/sandbox.out")', want '$(id -G "$guser")'"
			sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -3
		fi
	fi
fi

# --deny with strace's sets, an errno, and kill.
extra="--deny=getpid:ENOSYS"
denied "--deny=getpid:ENOSYS" ENOSYS "getpid: --deny=getpid" getpid
extra="--deny=%process"
run_capture sandbox "$PTSANDBOX" $base $extra -- "$E" getpid </dev/null
[ "$(cat "$tmp/sandbox.rc")" = 126 ] && grep -q 'execve(.*--deny=%process' "$tmp/sandbox.err" &&
	ok "--deny=%process denies the guest's own execve (126, reported)" ||
	not_ok "--deny=%process: status $(cat "$tmp/sandbox.rc")"
run_capture sandbox "$PTSANDBOX" $base --deny=getppid:kill -- "$E" getppid </dev/null
if [ "$(cat "$tmp/sandbox.rc")" = 159 ] && ! grep -q after "$tmp/sandbox.out" &&
	grep -q '^ptsandbox: denied: .*getppid() = ? killed (getppid: --deny=getppid:kill)' "$tmp/sandbox.err"; then
	ok "--deny=getppid:kill kills by SIGSYS, names getppid"
else
	not_ok "--deny=...:kill: status $(cat "$tmp/sandbox.rc")"
	sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
fi

# rlimits: a write past --rlimit=fsize fails with EFBIG, reported.
run_capture sandbox "$PTSANDBOX" $base --rlimit=fsize=100 -- "$E" fsize "$tmp/rw/big" </dev/null
grep -qx 'fsize: EFBIG' "$tmp/sandbox.out" && [ "$(stat -c %s "$tmp/rw/big")" = 100 ] &&
	grep -q '^ptsandbox: denied: .*EFBIG (fsize: --rlimit=fsize=100)' "$tmp/sandbox.err" &&
	ok "--rlimit=fsize=100 (file cut at 100, reported)" ||
	not_ok "--rlimit=fsize: $(cat "$tmp/sandbox.out") $(stat -c %s "$tmp/rw/big")"

# The other limits: the failing call, named with its limit.
extra=--rlimit=nofile=16
denied "--rlimit=nofile=16" EMFILE "EMFILE (nofile: --rlimit=nofile=16)" nofile
extra=--rlimit=as=256M
denied "--rlimit=as=256M" ENOMEM "ENOMEM (as: --rlimit=as=268435456)" as

# Allowed accesses are not reported: a denial report is a denial.
extra=
run_capture sandbox "$PTSANDBOX" $base -- "$E" read "$tmp/rw/f" </dev/null
grep -qx 'read: ok' "$tmp/sandbox.out" && [ ! -s "$tmp/sandbox.err" ] &&
	ok "an allowed read: no report" || not_ok "allowed read: $(cat "$tmp/sandbox.err")"

# The supervisor is outside the guest's domain: its signals still reach
# the guest (a SIGTERM to ptsandbox kills a confined sleep by SIGTERM),
# and the guest's emulated waits still end.
mkfifo "$tmp/up"
"$PTSANDBOX" --rox=/ -- sh -c 'echo up; sleep 30 & wait' >"$tmp/up" 2>"$tmp/sig.err" &
sb=$!
read_ready "$tmp/up" >/dev/null
kill -TERM "$sb"
wait "$sb"
st=$?
[ "$st" = 143 ] && [ ! -s "$tmp/sig.err" ] && ok "a host signal reaches a confined guest (143)" ||
	not_ok "host signal under a policy: status $st, $(cat "$tmp/sig.err")"

# -k: a backtrace under the report (strace -k's format).
run_capture sandbox "$PTSANDBOX" -k --trace=none $base -- "$E" read "$s" </dev/null
if grep -A8 "^ptsandbox: denied: .*$s" "$tmp/sandbox.err" | grep -q "^ > .*(main+"; then
	ok "-k: the denial's backtrace"
else
	not_ok "-k: no backtrace under the report"
	sed 's/^/# stderr: /' "$tmp/sandbox.err" | head -5
fi

# Each distinct denial once, counted at the end.
run_capture sandbox "$PTSANDBOX" $base -- sh -c "cat $s; cat $s; cat $s; true" </dev/null
n=$(grep -c "^ptsandbox: denied: .*$s" "$tmp/sandbox.err")
grep -q "^ptsandbox: denied 3 times: openat $s ($rule)" "$tmp/sandbox.err" && [ "$n" = 1 ] &&
	ok "one report per distinct denial, counted" ||
	not_ok "dedup: $n reports; $(tail -2 "$tmp/sandbox.err")"

finish
