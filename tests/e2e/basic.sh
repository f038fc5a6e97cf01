#!/bin/sh
# Basics: output and exit status as natively, CLI errors as documented.
. "$TESTLIB"

compare "echo" echo hello
for code in 0 1 2 42 125 126 127 128 200 255; do
	compare "exit $code" "$GUESTS/exit_code" "$code"
done
expect_status "not found" 127 "$PTSANDBOX" -- /nonexistent/program
expect_status "directory" 126 "$PTSANDBOX" -- /
expect_status "no program" 125 "$PTSANDBOX"
expect_status "bad option" 125 "$PTSANDBOX" --no-such-option -- true
expect_status "help" 0 "$PTSANDBOX" --help
finish
