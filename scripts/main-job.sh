#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: dependencies, build, then
# `bpfgen check` on the examples: the correct ones pass, the mistakes are shown.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
cmake --build build -j"$(nproc)" --target bpfgen bpfgen_runtime bpfgen_runtime_static
# installed, so that `bpfgen` and `bpfgen new` work for the user after this job;
# BPFGEN_PREFIX names another prefix
prefix=${BPFGEN_PREFIX:-/usr/local}
echo "== cmake --install build --prefix $prefix"
cmake --install build --prefix "$prefix" > /dev/null
echo "ok: $prefix/bin/bpfgen, its headers, libbpfgen, the CMake and pkg-config packages, man pages and completion"
echo
echo "== bpfgen check examples/check/*.bpf.c"
./build/bpfgen check examples/check/*.bpf.c
echo "ok: no errors"
echo
echo "== bpfgen check examples/check/mistakes/*.bpf.c (each file has one mistake)"
rc=0
./build/bpfgen check examples/check/mistakes/*.bpf.c || rc=$?
if [ "$rc" != 1 ]; then
	echo "expected exit status 1 (errors found), got $rc" >&2
	exit 1
fi
echo "ok: the mistakes were found (exit status 1)"
echo

# The firewall demo: built with the typed layer (bpfgen check, clang, bpftool
# skeleton, bpfgen gen), then run on a veth pair between two namespaces.
echo "== examples/firewall: an XDP firewall on the typed layer"
cmake --build build -j"$(nproc)" --target firewall_bin fw_traffic
rc=0
bash examples/firewall/test.sh build/examples/firewall/firewall build/examples/firewall/fw_traffic || rc=$?
case "$rc" in
0) echo "ok: the firewall dropped what its rules say and detached cleanly" ;;
77) echo "skipped: the firewall demo needs root, network namespaces and XDP (see above)" ;;
*) exit 1 ;;
esac

# The process monitor: libbpfgen's loop, log and verifier explanations, on
# fentry where the kernel allows it, else on tp_btf (this kernel refuses fentry).
echo
echo "== examples/procmon: a process monitor on libbpfgen"
cmake --build build -j"$(nproc)" --target procmon_bin
rc=0
bash examples/procmon/test.sh build/examples/procmon/procmon || rc=$?
case "$rc" in
0) echo "ok: procmon saw the processes it started, logged them and detached cleanly" ;;
77) echo "skipped: procmon needs root" ;;
*) exit 1 ;;
esac

# The connection tracker: sockops and sk storage on a cgroup of its own, and
# a pinned LRU map that a restart of the tool finds again (about 3 seconds).
echo
echo "== examples/conntrack: a TCP connection tracker with a pinned map"
cmake --build build -j"$(nproc)" --target conntrack_bin ct_traffic
rc=0
bash examples/conntrack/test.sh build/examples/conntrack/conntrack build/examples/conntrack/ct_traffic || rc=$?
case "$rc" in
0) echo "ok: conntrack followed the connections, kept them across a restart and detached cleanly" ;;
77) echo "skipped: conntrack needs root, cgroup v2 and bpffs (see above)" ;;
*) exit 1 ;;
esac

# What a new user does next: a project from the installed bpfgen, built with
# no option (the scaffold names the prefix of the bpfgen that wrote it).
echo
echo "== $prefix/bin/bpfgen new hello --type xdp, then cmake -S hello -B hello/build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && "$prefix/bin/bpfgen" new hello --type xdp)
cmake -S "$tmp/hello" -B "$tmp/hello/build" > "$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; exit 1; }
cmake --build "$tmp/hello/build" -j"$(nproc)" > "$tmp/build.log" 2>&1 || { tail -40 "$tmp/build.log"; exit 1; }
echo "ok: the scaffold built against $prefix; run \`bpfgen new NAME --type TYPE\` to start a project"
