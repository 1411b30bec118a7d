# bpfgen for make-based projects, in the style of libbpf-bootstrap's Makefile.
#
#   all: .output/minimal.bpfgen.h   # your default goal first: this file has rules
#   include $(BPFGEN_MK)            # e.g. /usr/local/share/bpfgen/bpfgen.mk
#   APPS = minimal
#   $(eval $(call bpfgen_app,minimal))
#
# For each APP it checks and compiles APP.bpf.c in one step with
# `bpfgen cc clang -target bpf ...` (the check and the compile share one cached
# precompiled preamble: faster than clang alone; BPF_CC=$(CLANG) skips the
# check), writes APP.skel.h with bpftool and the
# typed APP.bpfgen.h with `bpfgen gen`, all in $(OUTPUT). The userspace rules
# stay the project's: make APP.o depend on $(OUTPUT)/APP.bpfgen.h.
BPFGEN ?= bpfgen
BPFTOOL ?= bpftool
CLANG ?= clang
# the compiler launcher: check, then compile, on one cached preamble
BPF_CC ?= $(BPFGEN) cc $(CLANG)
OUTPUT ?= .output
ARCH ?= $(shell uname -m | sed 's/x86_64/x86/; s/aarch64/arm64/; s/ppc64le/powerpc/; s/s390x/s390/')
BPFGEN_INCLUDES ?=
BPF_CFLAGS ?= -O2 -g -Wall
# bpfgen's typed header, next to this file once installed (share/bpfgen -> include)
BPFGEN_HEADERS ?= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../../include)

$(OUTPUT):
	mkdir -p $@

$(OUTPUT)/vmlinux.h: | $(OUTPUT)
	$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > $@.tmp && mv $@.tmp $@

define bpfgen_app
$(OUTPUT)/$(1).bpf.o: $(1).bpf.c $(OUTPUT)/vmlinux.h | $(OUTPUT)
	$(BPF_CC) $(BPF_CFLAGS) -target bpf -D__TARGET_ARCH_$(ARCH) -I$(OUTPUT) \
		-I$(BPFGEN_HEADERS) $(BPFGEN_INCLUDES) -c $(1).bpf.c -o $$@

$(OUTPUT)/$(1).skel.h: $(OUTPUT)/$(1).bpf.o
	$(BPFTOOL) gen skeleton $$< name $(1) > $$@.tmp && mv $$@.tmp $$@

$(OUTPUT)/$(1).bpfgen.h: $(OUTPUT)/$(1).bpf.o $(OUTPUT)/$(1).skel.h
	$(BPFGEN) gen $$< -n $(1) -o $$@
endef
