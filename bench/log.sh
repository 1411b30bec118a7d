#!/usr/bin/env bash
# log.sh [BUILD_DIR] [RECORDS] [OVERLOAD_CALLS]
#
# The log statement of issue 6 three ways, side by side in one run (root):
# bpfgen/log.h, bpf_printk through trace_pipe, and an aya-log-style record.
# Prints bytes per record, BPF instructions per call, records per second
# delivered to userspace, and the drop accounting under overload. The
# program is tests/runtime/bench_log of a BUILD_TESTING=ON build (default:
# build/). Exits 1 if bpfgen's drop count is not exact, 77 without root.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
prog=$build/tests/runtime/bench_log
if [ ! -x "$prog" ]; then
	echo "usage: $0 [BUILD_DIR] [RECORDS] [OVERLOAD_CALLS] (build BUILD_DIR's target bench_log first)" >&2
	exit 2
fi
if [ "$(id -u)" = 0 ] && ! mountpoint -q /sys/kernel/tracing 2>/dev/null; then
	mount -t tracefs tracefs /sys/kernel/tracing
fi
echo "log benchmark on $(uname -r), $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg)"
exec "$prog" "${2:-200000}" "${3:-100000}"
