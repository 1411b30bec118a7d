#!/usr/bin/env bash
# nvim.sh BPFGEN VMLINUX_DIR: Neovim's built-in LSP client, headless, against
# bpfgen lsp (nvim.lua). The flags come from a .bpfgen file next to the source.
# Skips (77) only when nvim is not installed.
set -u
bpfgen=$(realpath "$1")
vmlinux_dir=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v nvim > /dev/null; then
	echo "SKIP: nvim is not installed (Debian package neovim)"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lsp-nvim.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/proj/src" "$tmp/home" "$tmp/cache"
printf -- '-I %s\n' "$vmlinux_dir" > "$tmp/proj/.bpfgen"
cat > "$tmp/proj/src/len.bpf.c" << 'C'
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_len(struct __sk_buff *ctx)
{
	return ctx->len > 64 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
C
# no user configuration, no shada, no swap files; the cache away from ~
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home XDG_DATA_HOME=$tmp/home XDG_STATE_HOME=$tmp/home \
	BPFGEN_CACHE_DIR=$tmp/cache BPFGEN="$bpfgen" LSP_FILE="$tmp/proj/src/len.bpf.c" \
	timeout 180 nvim --headless -n -i NONE -u "$here/nvim.lua" < /dev/null
status=$?
if [ $status -ne 0 ]; then
	echo "FAIL: nvim exited with status $status" >&2
	exit 1
fi
