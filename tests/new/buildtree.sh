#!/usr/bin/env bash
# buildtree.sh BPFGEN
#
# `bpfgen new` from a build tree, not installed: the scaffold, written into
# a directory whose parents do not exist yet, configures with no option and
# builds against the bpfgen that wrote it (its build tree's bpfgen-build/
# package: the tool, the source tree's headers and libbpfgen as built).
# Then the failure message when that package is gone names the ways to
# point at another bpfgen.
# Exit: 0 pass, 1 fail, 2 usage.
set -u
if [ $# -ne 1 ]; then
	echo "usage: $0 BPFGEN" >&2
	exit 2
fi
bpfgen=$(realpath "$1")
pkg=$(dirname "$bpfgen")/bpfgen-build
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bpfgen_buildtree.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }

if (cd "$tmp" && "$bpfgen" new fw --type xdp --dir a/b/fw >"$tmp/new.log" 2>&1) &&
   [ -f "$tmp/a/b/fw/CMakeLists.txt" ]; then
	pass "new --dir a/b/fw creates the missing parents"
else
	fail "new --dir a/b/fw:"
	cat "$tmp/new.log"
	exit 1
fi
if grep -qF "find_package(bpfgen QUIET HINTS \"$(realpath "$pkg")\")" "$tmp/a/b/fw/CMakeLists.txt"; then
	pass "the scaffold names the build tree's package"
else
	fail "the scaffold does not name $pkg:"
	grep -n find_package "$tmp/a/b/fw/CMakeLists.txt"
fi
# a trailing slash and an existing empty directory are fine; a file in the way is not
if "$bpfgen" new g --type xdp --dir "$tmp/c/d/" >/dev/null 2>&1 && [ -f "$tmp/c/d/g.bpf.c" ]; then
	pass "new --dir with a trailing slash"
else
	fail "new --dir $tmp/c/d/"
fi
: >"$tmp/file"
if ! "$bpfgen" new h --type xdp --dir "$tmp/file/x" 2>"$tmp/err" && grep -q "Not a directory" "$tmp/err"; then
	pass "new --dir under a file is refused: $(cat "$tmp/err")"
else
	fail "new --dir under a file: $(cat "$tmp/err")"
fi

proj=$tmp/a/b/fw
start=$SECONDS
if cmake -S "$proj" -B "$proj/build" >"$tmp/cmake.log" 2>&1 &&
   cmake --build "$proj/build" -j2 >"$tmp/build.log" 2>&1 && [ -x "$proj/build/fw" ]; then
	pass "the scaffold configures with no option and builds in $((SECONDS - start)) s"
else
	fail "the scaffold against the build tree:"
	cat "$tmp/cmake.log"
	tail -40 "$tmp/build.log"
	exit 1
fi
cached=$(grep -E '^(bpfgen_DIR|BPFGEN_EXECUTABLE)' "$proj/build/CMakeCache.txt")
if grep -qx "bpfgen_DIR:PATH=$(realpath "$pkg")" <<<"$cached" &&
   grep -qx "BPFGEN_EXECUTABLE:FILEPATH=$bpfgen" <<<"$cached"; then
	pass "find_package(bpfgen) found the build tree and its tool"
else
	fail "the project's cache names another bpfgen:"
	echo "$cached"
fi

# a copy of the tool with no package next to it: the scaffold says how to point at one
mkdir -p "$tmp/bin"
cp "$bpfgen" "$tmp/bin/bpfgen"
(cd "$tmp" && "$tmp/bin/bpfgen" new lone --type xdp >/dev/null)
# (nor one installed on this machine, in /usr/local or found by PATH: the README's main job installs one)
if ! env -u CMAKE_PREFIX_PATH cmake -S "$tmp/lone" -B "$tmp/lone/build" \
	-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF \
	-DCMAKE_FIND_USE_CMAKE_SYSTEM_PATH=OFF -DCMAKE_IGNORE_PREFIX_PATH="/usr/local;/usr" \
	>"$tmp/lone.log" 2>&1 &&
   grep -q "bpfgen_DIR" "$tmp/lone.log" && grep -q "CMAKE_PREFIX_PATH" "$tmp/lone.log"; then
	pass "without a package the configure error names bpfgen_DIR and CMAKE_PREFIX_PATH"
else
	fail "the configure without a package:"
	cat "$tmp/lone.log"
fi
[ $fails -eq 0 ]
