#!/usr/bin/env bash
# install.sh BUILD_DIR SOURCE_DIR
#
# `cmake --install` of bpfgen into a temporary prefix, then a project
# scaffolded by the installed bpfgen and built with find_package(bpfgen)
# from that prefix alone: no BPFGEN_SOURCE_DIR, and nothing of the source or
# build tree in its build. As root, the built loader runs too. The pkg-config
# file gives the include directory and the tool.
# Exit: 0 pass, 1 fail, 2 usage.
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 BUILD_DIR SOURCE_DIR" >&2
	exit 2
fi
build=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bpfgen_install.XXXXXX") || exit 1
loader_pid=
trap '[ -n "$loader_pid" ] && kill -KILL "$loader_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }

if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
	fail "cmake --install:"
	cat "$tmp/install.log"
	exit 1
fi
libdir=lib
[ -d "$prefix/lib/$(gcc -print-multiarch 2>/dev/null)" ] && libdir=lib/$(gcc -print-multiarch)
for f in bin/bpfgen include/bpfgen/bpf.h include/bpfgen/log.h include/bpfgen/runtime.h \
	$libdir/libbpfgen.a $libdir/libbpfgen.so $libdir/bpfgen/bpfgen-parse.so \
	share/cmake/bpfgen/bpfgenTargets.cmake \
	share/cmake/bpfgen/bpfgenConfig.cmake \
	share/cmake/bpfgen/bpfgenConfigVersion.cmake share/cmake/bpfgen/bpfgen.cmake \
	share/pkgconfig/bpfgen.pc share/man/man1/bpfgen.1 share/man/man1/bpfgen-check.1 \
	share/man/man1/bpfgen-gen.1 share/man/man1/bpfgen-new.1 \
	share/bash-completion/completions/bpfgen share/bpfgen/bpfgen.mk; do
	[ -f "$prefix/$f" ] || fail "cmake --install: no $f"
done

# the installed tool parses with the installed module (bpfgen-parse.so, which
# it loads on first use), not with the build tree's
printf '#include <linux/bpf.h>\nint x;\n' > "$tmp/parse.c"
unset BPFGEN_PARSE_MODULE
if LD_DEBUG=files "$prefix/bin/bpfgen" check "$tmp/parse.c" > /dev/null 2> "$tmp/parse.log" &&
   grep -qF "file=$prefix/bin/../$libdir/bpfgen/bpfgen-parse.so" "$tmp/parse.log" &&
   ! grep -qF "file=$build/" "$tmp/parse.log"; then
	pass "the installed bpfgen loads its installed parse module"
else
	fail "the installed bpfgen's parse module: $(grep -E 'bpfgen-parse|error' "$tmp/parse.log" | head -3)"
fi

# the man pages render without a warning; the completion knows the commands and rules
for page in "$prefix"/share/man/man1/*.1; do
	if command -v man > /dev/null; then
		warn=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 > /dev/null)
		[ -z "$warn" ] || fail "man $(basename "$page"): $warn"
	fi
done
completion=$(PATH=$prefix/bin:$PATH bash -c '
	source "$1"
	COMP_WORDS=(bpfgen ""); COMP_CWORD=1; _bpfgen; echo "${COMPREPLY[*]}"
	COMP_WORDS=(bpfgen check -Wno-ctx); COMP_CWORD=2; _bpfgen; echo "${COMPREPLY[*]}"
	COMP_WORDS=(bpfgen new x --type tp_); COMP_CWORD=4; _bpfgen; echo "${COMPREPLY[*]}"' \
	_ "$prefix/share/bash-completion/completions/bpfgen")
if grep -q "check gen lsp new probe" <<<"$completion" && grep -q -- "-Wno-ctx-type" <<<"$completion" &&
   grep -q "tp_btf" <<<"$completion"; then
	pass "bash completion: commands, rules, types"
else
	fail "bash completion: $completion"
fi

# the make fragment: check, compile, skeleton and typed header for a make-based app
mkdir -p "$tmp/mk"
cat > "$tmp/mk/Makefile" <<MK
all: .output/counter.bpfgen.h
BPFGEN = $prefix/bin/bpfgen
include $prefix/share/bpfgen/bpfgen.mk
\$(eval \$(call bpfgen_app,counter))
MK
cat > "$tmp/mk/counter.bpf.c" <<'C'
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpfgen/bpf.h>

BPFGEN_HASH(seen, __u32, __u64, 64);

BPFGEN_XDP(counter)
{
	__u32 key = bpfgen_xdp_ingress_ifindex(ctx);
	__u64 one = 1, *n = seen_lookup(&key);

	if (n)
		*n += 1;
	else if (seen_update(&key, &one, 0))
		return BPFGEN_XDP_ABORTED;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
C
if make -C "$tmp/mk" > "$tmp/make.log" 2>&1 && grep -q "counter_seen_lookup" "$tmp/mk/.output/counter.bpfgen.h"; then
	pass "make fragment: bpfgen check, clang, bpftool gen skeleton, bpfgen gen"
else
	fail "make fragment:"
	cat "$tmp/make.log"
fi
sed -i 's/seen_lookup(&key);/seen_lookup(\&key);\n\t*n += 1;/' "$tmp/mk/counter.bpf.c"
if ! make -C "$tmp/mk" > "$tmp/make.log" 2>&1 && grep -q "null-deref" "$tmp/make.log"; then
	pass "make fragment: a bpfgen check error stops the build"
else
	fail "make fragment: the unchecked lookup was not stopped:"
	cat "$tmp/make.log"
fi
if cmp -s "$prefix/include/bpfgen/bpf.h" "$src/headers/bpfgen/bpf.h"; then
	pass "cmake --install: the tool, bpf.h, the CMake package and bpfgen.pc"
else
	fail "the installed bpf.h differs from headers/bpfgen/bpf.h"
fi

# pkg-config, relocatable: the paths are under the prefix
pc() { PKG_CONFIG_PATH=$prefix/share/pkgconfig pkg-config "$@" bpfgen; }
if command -v pkg-config >/dev/null; then
	cflags=$(pc --cflags) tool=$(pc --variable=bpfgen)
	if [[ $cflags == *"-I$prefix/share/pkgconfig/../../include"* || $cflags == *"-I$prefix/include"* ]] &&
	   [ "$(realpath "$tool")" = "$prefix/bin/bpfgen" ]; then
		pass "pkg-config: $cflags, bpfgen=$tool"
	else
		fail "pkg-config: cflags '$cflags', bpfgen '$tool'"
	fi
	# libbpfgen through pkg-config alone: a program that links and runs on it
	cat > "$tmp/rt.c" <<'C'
#include <stdio.h>
#include <bpfgen/runtime.h>
int main(void)
{
	struct bpfgen_loop *loop = bpfgen_loop__new(NULL);

	printf("%s\n", bpfgen_log_level_str(BPFGEN_LOG_WARN));
	bpfgen_loop__free(loop);
	return loop ? 0 : 1;
}
C
	libs=$(pc --libs)
	if cc -o "$tmp/rt" "$tmp/rt.c" $(pc --cflags) $libs -Wl,-rpath,"${libs%% *}" \
		-Wl,-rpath,"$(pc --variable=libdir)" 2>"$tmp/rt.log" && [ "$("$tmp/rt")" = WARN ] &&
	   ldd "$tmp/rt" | grep -q "libbpfgen.so.0 => $prefix"; then
		pass "pkg-config: a program links libbpfgen.so from the prefix ($libs)"
	else
		fail "pkg-config: libbpfgen ($libs):"
		cat "$tmp/rt.log"
	fi
fi

# A project from the installed tool, built against the installed package only.
# The source tree is moved out of sight by PATH and by not naming it.
proj=$tmp/proj
if ! (cd "$tmp" && env PATH="$prefix/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
	bpfgen new proj --type tracepoint >"$tmp/new.log" 2>&1); then
	fail "the installed bpfgen new:"
	cat "$tmp/new.log"
	exit 1
fi
if grep -qxF "find_package(bpfgen QUIET HINTS \"$prefix/share/cmake/bpfgen\")" "$proj/CMakeLists.txt"; then
	pass "the installed bpfgen's scaffold names its prefix's package"
else
	fail "the installed bpfgen's scaffold does not name $prefix/share/cmake/bpfgen:"
	grep -n find_package "$proj/CMakeLists.txt"
fi
start=$SECONDS
if cmake -S "$proj" -B "$proj/build" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/cmake.log" 2>&1 &&
   cmake --build "$proj/build" -j2 >"$tmp/build.log" 2>&1; then
	pass "a tracepoint project builds against the installed bpfgen in $((SECONDS - start)) s"
else
	fail "a project against the installed bpfgen:"
	cat "$tmp/cmake.log"
	tail -40 "$tmp/build.log"
	exit 1
fi
cached=$(grep -E '^(bpfgen_DIR|BPFGEN_EXECUTABLE)' "$proj/build/CMakeCache.txt")
if grep -q "^bpfgen_DIR:PATH=$prefix/share/cmake/bpfgen$" <<<"$cached" &&
   grep -q "^BPFGEN_EXECUTABLE:FILEPATH=$prefix/bin/bpfgen$" <<<"$cached"; then
	pass "find_package(bpfgen) found the installed package and tool"
else
	fail "the project's cache names another bpfgen:"
	echo "$cached"
fi
if grep -rqsF -e "$src" -e "$build" "$proj/build" --include='*.make' --include='*.txt' \
	--include='*.cmake' --include=Makefile; then
	fail "the project's build refers to the bpfgen source or build tree:"
	grep -rlsF -e "$src" -e "$build" "$proj/build" | head
else
	pass "nothing of the source or build tree in the project's build"
fi

if [ "$(id -u)" -eq 0 ]; then
	"$proj/build/proj" >"$tmp/run.out" 2>&1 &
	loader_pid=$!
	for i in $(seq 100); do
		grep -q "Ctrl-C to stop" "$tmp/run.out" && break
		kill -0 "$loader_pid" 2>/dev/null || break
		sleep 0.05
	done
	/bin/true
	sleep 0.3
	kill -INT "$loader_pid" 2>/dev/null
	wait "$loader_pid"
	rc=$?
	loader_pid=
	if [ $rc -eq 0 ] && grep -q "^detached" "$tmp/run.out" &&
	   grep -Eq "^[1-9][0-9]* events" "$tmp/run.out"; then
		pass "the loader built against the installed bpfgen runs: $(grep -E '^[0-9]+ events' "$tmp/run.out")"
	else
		fail "the loader built against the installed bpfgen (exit $rc):"
		cat "$tmp/run.out"
	fi
else
	echo "SKIP: running the loader needs root"
fi

[ $fails -eq 0 ]
