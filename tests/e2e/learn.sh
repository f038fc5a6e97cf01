#!/bin/sh
# --learn: a run writes the policy it needed; the same command under
# that policy gives the same output and status with no denial.  On real
# programs: a python3 script that reads, writes and talks TCP over
# loopback, make -j2 of a small C project, a shell pipeline.
. "$TESTLIB"

probe=$("$PTSANDBOX" --rox=/ -- true 2>&1)
case $probe in
*"lacks"*) skip_all "the kernel cannot enforce a learned policy: $probe" ;;
esac

# round_trip NAME RESET CMD...: native run, learning run, enforced run,
# each after the shell command RESET (which undoes what CMD made);
# same stdout and status everywhere, and no denial when enforced.
round_trip() {
	name=$1
	reset=$2
	shift 2
	sh -c "$reset"
	run_capture native "$@" </dev/null
	sh -c "$reset"
	run_capture learn "$PTSANDBOX" --learn="$tmp/$name.policy" -- "$@" </dev/null
	sh -c "$reset"
	run_capture sandbox "$PTSANDBOX" --policy="$tmp/$name.policy" -- "$@" </dev/null
	if ! grep -q '^--r' "$tmp/$name.policy" 2>/dev/null; then
		not_ok "$name: no policy written"
		return
	fi
	if grep -q '^ptsandbox: ' "$tmp/sandbox.err"; then
		not_ok "$name: the learned policy denied something"
		grep '^ptsandbox: ' "$tmp/sandbox.err" | head -5 | sed 's/^/# /'
		sed 's/^/# policy: /' "$tmp/$name.policy"
		return
	fi
	if ! cmp -s "$tmp/native.out" "$tmp/learn.out" || ! cmp -s "$tmp/native.rc" "$tmp/learn.rc"; then
		not_ok "$name: the learning run differs from the native one"
		return
	fi
	compare_captured "$name: learned, then enforced"
}

# The python3 script: a file read, one written, a TCP round trip on loopback.
if command -v python3 >/dev/null; then
	mkdir -p "$tmp/py"
	port=$((40000 + $$ % 20000))
	cat >"$tmp/py/t.py" <<PY
import socket, threading, json
host = open("/etc/passwd").read().strip()
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", $port))
srv.listen(1)
def serve():
    c, _ = srv.accept()
    c.sendall(c.recv(100).upper())
    c.close()
th = threading.Thread(target=serve)
th.start()
cl = socket.create_connection(("127.0.0.1", $port))
cl.sendall(b"hello")
reply = cl.recv(100)
cl.close()
th.join()
with open("out.json", "w") as f:
    json.dump({"reply": reply.decode(), "host": len(host) > 0}, f)
print(open("out.json").read())
PY
	cd "$tmp/py" && round_trip python "rm -f $tmp/py/out.json" python3 t.py
	grep -qx -- "--connect=$port" "$tmp/python.policy" && grep -qx -- "--bind=$port" "$tmp/python.policy" &&
		grep -qx -- "--net=none" "$tmp/python.policy" && grep -qx -- "--rw=$(cd "$tmp/py" && pwd -P)" "$tmp/python.policy" &&
		ok "python: the policy has the ports, --net=none and the working tree" ||
		not_ok "python policy: $(cat "$tmp/python.policy")"
	cd "$tmp"
else
	echo "# python3 not found: python round trip skipped"
fi

# make -j2 of a small C project.
if command -v make >/dev/null && command -v cc >/dev/null; then
	mkdir -p "$tmp/proj"
	for n in a b c; do
		printf 'int %s(void) { return %d; }\n' "$n" "$(printf %d "'$n")" >"$tmp/proj/$n.c"
	done
	printf 'int a(void); int b(void); int c(void);\n#include <stdio.h>\nint main(void) { printf("%%d\\n", a() + b() + c()); return 0; }\n' >"$tmp/proj/main.c"
	printf 'prog: main.o a.o b.o c.o\n\tcc -o $@ $^\n%%.o: %%.c\n\tcc -c -o $@ $<\ncheck: prog\n\t./prog\n' >"$tmp/proj/Makefile"
	cd "$tmp/proj" && round_trip make "rm -f $tmp/proj/*.o $tmp/proj/prog" make -s -j2 check
	cd "$tmp"
else
	echo "# make or cc not found: make round trip skipped"
fi

# A shell pipeline writing a file in the working tree.
mkdir -p "$tmp/sh"
cd "$tmp/sh" && round_trip pipeline "rm -f $tmp/sh/count" \
	sh -c 'grep -c root /etc/passwd | tr 0-9 a-j > count; sort count | cat; ls'
cd "$tmp"

finish
