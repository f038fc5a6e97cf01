#!/bin/sh
# A real multi-process program: make running a small Makefile (shell
# recipes, $(shell), recursive make, an ignored failure, a failing
# target, parallel jobs).
. "$TESTLIB"

# make check's jobserver and flags must not leak into the inner make.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
command -v make >/dev/null || skip_all "make is not installed"
mk=$srcdir/tests/e2e/sample.mk
cd "$tmp" || exit 1

compare "make all" make -s --no-print-directory -f "$mk"
compare "make fail (status 2)" make -s --no-print-directory -f "$mk" fail
compare "make -k fail (keeps going)" make -k -s --no-print-directory -f "$mk" fail hello
# Parallel jobs finish in any order: sort the output.
compare "make -j4 (sorted output)" \
	sh -c 'make -j4 -s --no-print-directory -f "$1" parallel | sort' sh "$mk"
finish
