#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: dependencies, build, ctest.
# Kernel tests run for real as root and skip, saying why, where this kernel cannot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build build -j"$(nproc)"
if [ "$(id -u)" = 0 ] && ! mountpoint -q /sys/kernel/tracing 2>/dev/null; then
	mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null || true
fi
cd build
ctest --output-on-failure -j"$(nproc)"
