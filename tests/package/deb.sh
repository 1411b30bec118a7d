#!/usr/bin/env bash
# deb.sh BUILD_DIR
#
# cpack -G DEB from BUILD_DIR gives bpfgen_<version>_<arch>.deb with the
# tool, headers, libbpfgen, the CMake and pkg-config packages, man pages
# and completion, and Depends that name the shared libraries and what a BPF
# build runs. dpkg --root installs it into an empty root (its own dpkg
# database: only the package's files are there), and a project scaffolded
# by the root's bpfgen builds against the root's package alone.
# Exit: 0 pass, 1 fail, 2 usage.
set -u
if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 2
fi
build=$(realpath "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bpfgen_deb.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
arch=$(dpkg --print-architecture)
deb=$tmp/out/bpfgen_${version}_${arch}.deb
if (cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) && [ -f "$deb" ]; then
	pass "cpack -G DEB: $(basename "$deb")"
else
	fail "cpack -G DEB gave no $(basename "$deb"):"
	cat "$tmp/cpack.log"
	exit 1
fi

files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in usr/bin/bpfgen usr/include/bpfgen/bpf.h usr/include/bpfgen/log.h \
	usr/include/bpfgen/runtime.h usr/lib/libbpfgen.so.0 usr/lib/libbpfgen.a \
	usr/lib/bpfgen/bpfgen-parse.so \
	usr/share/cmake/bpfgen/bpfgenConfig.cmake usr/share/cmake/bpfgen/bpfgen.cmake \
	usr/share/cmake/bpfgen/bpfgenTargets.cmake usr/share/pkgconfig/bpfgen.pc \
	usr/share/man/man1/bpfgen.1 usr/share/man/man1/bpfgen-check.1 \
	usr/share/bash-completion/completions/bpfgen usr/share/bpfgen/bpfgen.mk; do
	grep -qx "\./$f" <<<"$files" || fail "the package has no /$f"
done

# Depends: the libraries the ELF files need, and what bpfgen_add_bpf_object runs
depends=$(dpkg-deb -f "$deb" Depends)
for d in libclang1-14 libbpf1 libelf1 libc6 libclang-common-14-dev clang-14 bpftool \
	libbpf-dev libelf-dev pkg-config; do
	grep -qE "(^|[ ,|])$d( |,|$)" <<<"$depends" || fail "Depends has no $d: $depends"
done
needed=$(for f in "$build/bpfgen" "$build/bpfgen-parse.so" "$build"/runtime/libbpfgen.so.0; do
	objdump -p "$f" 2>/dev/null | awk '/NEEDED/ {print $2}'; done | sort -u)
for lib in $needed; do
	pkg=$(dpkg -S "*/$lib" 2>/dev/null | head -1 | cut -d: -f1)
	[ -z "$pkg" ] || grep -qE "(^|[ ,|])$pkg( |,|$)" <<<"$depends" ||
		grep -qE "(^|[ ,|])${pkg%%:*}( |,|$)" <<<"$depends" ||
		[ "$pkg" = libgcc-s1 ] || [ "$pkg" = libstdc++6 ] ||
		fail "$lib ($pkg) is not in Depends: $depends"
done
# every dependency is satisfied on this machine, so the root can borrow them
unmet=
IFS=, read -ra deps <<<"$depends"
for d in "${deps[@]}"; do
	ok=
	IFS='|' read -ra alts <<<"$d"
	for a in "${alts[@]}"; do
		a=$(awk '{print $1}' <<<"$a")
		dpkg-query -W -f='${Status}' "$a" 2>/dev/null | grep -q 'install ok installed' && ok=1
	done
	[ -n "$ok" ] || unmet="$unmet $d"
done
if [ -z "$unmet" ]; then
	pass "Depends: $depends"
else
	fail "Depends not installed here:$unmet"
fi

# a clean root with its own dpkg database
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
if dpkg --root="$root" --log=/dev/null --force-depends --force-not-root \
	--force-script-chrootless -i "$deb" >"$tmp/dpkg.log" 2>&1 &&
   dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Status} ${Version}' bpfgen |
	grep -q "install ok installed $version"; then
	pass "dpkg --root installs bpfgen $version into an empty root"
else
	fail "dpkg --root -i:"
	cat "$tmp/dpkg.log"
	exit 1
fi
if ! "$root/usr/bin/bpfgen" --version >"$tmp/version" 2>&1 || ! grep -q "$version" "$tmp/version"; then
	fail "the root's bpfgen --version: $(cat "$tmp/version")"
fi

# the root's tool parses with the root's module, which it loads on first use
printf '#include <linux/bpf.h>\nint x;\n' > "$tmp/parse.c"
if env -u BPFGEN_PARSE_MODULE LD_DEBUG=files "$root/usr/bin/bpfgen" check "$tmp/parse.c" \
	> /dev/null 2> "$tmp/parse.log" &&
   grep -qF "file=$root/usr/bin/../lib/bpfgen/bpfgen-parse.so" "$tmp/parse.log"; then
	pass "the root's bpfgen loads the root's parse module"
else
	fail "the root's bpfgen's parse module: $(grep -E 'bpfgen-parse|error' "$tmp/parse.log" | head -3)"
fi

# a scaffold from the root's tool, built against the root's package only
proj=$tmp/proj
start=$SECONDS
if (cd "$tmp" && "$root/usr/bin/bpfgen" new proj --type tracepoint >"$tmp/new.log" 2>&1) &&
   grep -qxF "find_package(bpfgen QUIET HINTS \"$root/usr/share/cmake/bpfgen\")" "$proj/CMakeLists.txt" &&
   cmake -S "$proj" -B "$proj/build" >"$tmp/cmake.log" 2>&1 &&
   cmake --build "$proj/build" -j2 >"$tmp/build.log" 2>&1 && [ -x "$proj/build/proj" ]; then
	pass "a tracepoint project builds against the package in $((SECONDS - start)) s"
else
	fail "a project against the package:"
	cat "$tmp/new.log" "$tmp/cmake.log"
	grep -n find_package "$proj/CMakeLists.txt"
	tail -30 "$tmp/build.log"
fi
cached=$(grep -E '^(bpfgen_DIR|BPFGEN_EXECUTABLE)' "$proj/build/CMakeCache.txt" 2>/dev/null)
if grep -qx "bpfgen_DIR:PATH=$root/usr/share/cmake/bpfgen" <<<"$cached" &&
   grep -qx "BPFGEN_EXECUTABLE:FILEPATH=$root/usr/bin/bpfgen" <<<"$cached"; then
	pass "find_package(bpfgen) used the package in the root"
else
	fail "the project used another bpfgen: $cached"
fi
if grep -rqsF "$build" "$proj/build" --include='*.make' --include='*.txt' --include='*.cmake'; then
	fail "the project's build refers to the bpfgen build tree"
fi
[ $fails -eq 0 ]
