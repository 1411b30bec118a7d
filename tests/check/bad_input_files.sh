#!/usr/bin/env bash
# Sourced by bad_input.sh and troubleshooting.sh: bad_input_files writes, in the current
# directory, the wrong inputs they run `bpfgen check` on (README.md's troubleshooting table
# names them), and two correct programs to pair with wrong options.
bad_input_files() {
	mkdir -p adir badbuild
	echo 'int x;' > unreadable.c && chmod 000 unreadable.c
	head -c 4096 /dev/urandom > blob.c
	printf 'int x;\n\0\1\2' >> blob.c
	echo 'hello world' > notes.txt
	: > empty.c
	printf 'static int add(int a, int b) { return a + b; }\n' > noprog.c
	printf '#include "no_such_header.h"\nint x;\n' > include.c
	printf '{ "helpers": \n' > bad.json
	printf '[{ "directory": \n' > badbuild/compile_commands.json
	cat > syntax.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return XDP_PASS
}
C
	cat > prog.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
C
	cat > tp.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tp_btf/sched_switch")
int on_switch(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
C
}
