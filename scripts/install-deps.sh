#!/usr/bin/env bash
# Installs what bpfgen needs to build and test on Debian 12 (run as root).
set -euo pipefail
# clang-14 (also the C compiler of build-asan), libclang-rt-14-dev (libFuzzer) and
# valgrind: the hardening builds of scripts/test.sh; dpkg-dev (dpkg-shlibdeps) for
# cpack -G DEB; pre-commit and python3-yaml for tests/ci (the hook and the workflow);
# libjson-c-dev for bpfgen lsp and neovim, the editor its test drives;
# qemu-system-x86 and busybox-static boot Linux 6.1 for tests/kernel/vm
pkgs=(cmake make gcc pkg-config clang-14 llvm-14 libclang-14-dev libclang-rt-14-dev
      libbpf-dev bpftool libelf-dev zlib1g-dev libcriterion-dev iproute2 python3
      python3-jsonschema valgrind dpkg-dev pre-commit python3-yaml libjson-c-dev neovim
      qemu-system-x86 busybox-static)
# npm fetches the SARIF schema for a test; most machines have it already
command -v npm > /dev/null || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
