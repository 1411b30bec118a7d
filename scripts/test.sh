#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: dependencies, build, ctest.
# Kernel tests run for real as root and skip, saying why, where this kernel cannot.
# Then the same suite again in build-asan, built by clang under ASan and UBSan
# with the libFuzzer targets, which run for a bounded time each (label fuzz).
# BPFGEN_TEST_SANITIZE=0 skips that second tree.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build build -j"$(nproc)"
if [ "$(id -u)" = 0 ] && ! mountpoint -q /sys/kernel/tracing 2>/dev/null; then
	mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null || true
fi
rc=0
(cd build && ctest --output-on-failure -j"$(nproc)") || rc=1

if [ "${BPFGEN_TEST_SANITIZE:-1}" != 0 ]; then
	CC=clang-14 cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
		-DBPFGEN_FUZZ=ON
	cmake --build build-asan -j"$(nproc)"
	# leaks are errors (the fuzz targets suppress only what a crash of libclang
	# itself abandons: tests/fuzz/lsan.supp)
	export ASAN_OPTIONS=detect_leaks=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	(cd build-asan && ctest --output-on-failure -j"$(nproc)") || rc=1
fi
exit $rc
