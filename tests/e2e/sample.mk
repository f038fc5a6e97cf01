# A small Makefile that tests/e2e/make.sh runs natively and under
# ptsandbox.  Every target is phony: nothing is written to disk.
.PHONY: all hello loop shell sub ignored fail parallel p1 p2 p3 p4 p5 p6 p7 p8

all: hello loop shell sub ignored
	@echo "all done"

hello:
	@echo "hello from make"

loop:
	@for i in 1 2 3; do echo "loop $$i"; done

shell:
	@echo "shell says $(shell echo nested | tr a-z A-Z)"

sub:
	@$(MAKE) -s --no-print-directory -f $(firstword $(MAKEFILE_LIST)) hello

ignored:
	-@sh -c 'exit 3'
	@echo "after an ignored failure"

fail:
	@echo "about to fail"; exit 2

parallel: p1 p2 p3 p4 p5 p6 p7 p8
	@echo "parallel done"

p1 p2 p3 p4 p5 p6 p7 p8:
	@echo "job $@"
