#!/bin/sh
# Syscalls of another ABI (i386 int 0x80, x32) run with their native
# meaning; the seccomp filter traps them, the tracer lets them through.
. "$TESTLIB"

[ "$(uname -m)" = x86_64 ] || skip_all "int 0x80 and x32 exist on x86_64 only, this is $(uname -m)"
compare "int 0x80 and x32 syscalls" "$GUESTS/int80"
finish
