#!/usr/bin/env bash
# run.sh BPFGEN SOURCE_DIR UPROBE_TARGET
#
# bpfgen new, for every program type of the typed layer:
#   1. the refusals: a NAME that is not a C identifier, an unknown type (the
#      message lists the valid ones), a non-empty directory: exit 2, nothing written;
#   2. every type scaffolded, and all the projects built in one CMake
#      super-build against this checkout (BPFGEN_SOURCE_DIR), -j2;
#   3. `bpfgen check` is silent on every NAME.bpf.c;
#   4. as root, every loader runs: it loads its program, attaches it (xdp and tc
#      on a veth pair between two network namespaces, cgroup types on a
#      temporary cgroup v2 directory, uprobes on UPROBE_TARGET, tracing types
#      by section, the flow dissector in a network namespace, sk_reuseport on
#      its own UDP group, netfilter on ipv4 local_in, struct_ops as a TCP
#      congestion control a connection chooses; syscall runs its program with
#      BPF_PROG_TEST_RUN, iter reads its iterator), sees the traffic or the
#      calls the test makes where the test can make them, and exits 0 with the
#      program detached after SIGINT. Types this kernel refuses (fentry, fexit,
#      fmod_ret, freplace and lsm with EPERM, kprobes that cannot attach) are skipped
#      with the reason.
# Exit: 0 pass, 1 fail, 2 usage.
set -u
if [ $# -ne 3 ]; then
	echo "usage: $0 BPFGEN SOURCE_DIR UPROBE_TARGET" >&2
	exit 2
fi
bpfgen=$(realpath "$1") src=$(realpath "$2") target=$(realpath "$3")

types=(xdp classifier socket_filter cgroup_skb cgroup_sock cgroup_sock_addr cgroup_sockopt
	cgroup_sysctl cgroup_device sock_ops sk_msg sk_skb sk_lookup kprobe kretprobe uprobe
	uretprobe tracepoint raw_tracepoint tp_btf fentry fexit lsm perf_event flow_dissector
	sk_reuseport netfilter syscall iter fmod_ret struct_ops freplace)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bpfgen_new.XXXXXX") || exit 1
ns_a=bgnew_a_$$ ns_b=bgnew_b_$$ cg=
loader_pid=
cleanup() {
	[ -n "$loader_pid" ] && kill -KILL "$loader_pid" 2>/dev/null
	ip netns del "$ns_a" 2>/dev/null
	ip netns del "$ns_b" 2>/dev/null
	[ -n "$cg" ] && rmdir "$cg" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

fails=0 passes=0 skips=0
pass() { echo "PASS: $*"; passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
skip() { echo "SKIP: $*"; skips=$((skips + 1)); }

# ---- 1. refusals ------------------------------------------------------------

# refuse NAME ARGS... -- MESSAGE_REGEX: exit 2, MESSAGE on stderr
refuse() {
	local what=$1 re=$2
	shift 2
	"$bpfgen" new "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ $rc -ne 2 ]; then
		fail "refusal: $what: exit $rc, expected 2"
		cat "$tmp/err"
	elif ! grep -Eq "$re" "$tmp/err"; then
		fail "refusal: $what: stderr does not match '$re':"
		cat "$tmp/err"
	else
		pass "refusal: $what"
	fi
}
refuse "name starting with a digit" "'9lives' is not a C identifier" 9lives --type xdp --dir "$tmp/r1"
refuse "name with a dash" "'my-prog' is not a C identifier" my-prog --type xdp --dir "$tmp/r1"
refuse "a keyword as name" "'int' is not a C identifier" int --type xdp --dir "$tmp/r1"
refuse "the name vmlinux" "'vmlinux' is reserved" vmlinux --type kprobe --dir "$tmp/r1"
[ -e "$tmp/r1" ] && fail "refusal: a refused name created its directory"
refuse "unknown type" "unknown type 'xpd'; the types are: xdp classifier .* perf_event" \
	ok --type xpd --dir "$tmp/r1"
refuse "no type" "usage: bpfgen new" ok --dir "$tmp/r1"
refuse "two names" "usage: bpfgen new" ok other --type xdp --dir "$tmp/r1"
mkdir -p "$tmp/full" && echo keep >"$tmp/full/notes.txt"
refuse "non-empty directory" "directory '.*full': exists and is not empty" ok --type xdp --dir "$tmp/full"
if [ "$(ls "$tmp/full")" != notes.txt ]; then
	fail "refusal: the non-empty directory was written to"
fi
# an empty directory is fine, and the default directory is ./NAME
mkdir "$tmp/empty"
if "$bpfgen" new ok --type xdp --dir "$tmp/empty" >/dev/null && [ -f "$tmp/empty/ok.bpf.c" ] &&
   (cd "$tmp" && "$bpfgen" new dflt --type kprobe >/dev/null) && [ -f "$tmp/dflt/dflt.c" ]; then
	pass "an empty directory and the default directory ./NAME are accepted"
else
	fail "an empty directory or the default directory ./NAME"
fi

# ---- 2. every type, one super-build -----------------------------------------

super=$tmp/super
mkdir -p "$super"
printf 'cmake_minimum_required(VERSION 3.16)\nproject(bpfgen_new_all LANGUAGES C)\n' \
	>"$super/CMakeLists.txt"
for t in "${types[@]}"; do
	if ! "$bpfgen" new "n_$t" --type "$t" --dir "$super/n_$t" >"$tmp/out" 2>&1; then
		fail "new --type $t"
		cat "$tmp/out"
		continue
	fi
	for f in "n_$t.bpf.c" "n_$t.h" "n_$t.c" CMakeLists.txt README.md; do
		[ -s "$super/n_$t/$f" ] || fail "new --type $t: no $f"
	done
	echo "add_subdirectory(n_$t)" >>"$super/CMakeLists.txt"
done
# the same type twice gives the same bytes
"$bpfgen" new "n_xdp" --type xdp --dir "$tmp/again" >/dev/null
if diff -r "$tmp/again" "$super/n_xdp" >"$tmp/out"; then
	pass "new is deterministic"
else
	fail "new is not deterministic:"
	cat "$tmp/out"
fi

start=$SECONDS
if cmake -S "$super" -B "$super/build" -DBPFGEN_SOURCE_DIR="$src" -DCMAKE_DISABLE_FIND_PACKAGE_bpfgen=TRUE \
	-DBPFGEN_EXECUTABLE="$bpfgen" >"$tmp/cmake.log" 2>&1 &&
   cmake --build "$super/build" -j2 -- -k >"$tmp/build.log" 2>&1; then
	if grep -q "warning:" "$tmp/build.log"; then
		fail "the projects build with warnings:"
		grep -A3 "warning:" "$tmp/build.log" | head -40
	else
		pass "all ${#types[@]} projects build (bpfgen check, clang, skeleton, gen, loader) in $((SECONDS - start)) s"
	fi
else
	fail "the projects do not build:"
	cat "$tmp/cmake.log"
	grep -B2 -A6 -E "error|Error" "$tmp/build.log" | head -80
	exit 1
fi

# ---- 3. bpfgen check ----------------------------------------------------------

for t in "${types[@]}"; do
	d=$super/n_$t
	if "$bpfgen" check "$d/n_$t.bpf.c" -- -I "$src/headers" -I "$d" \
		-I "$super/build/bpfgen-vmlinux" >"$tmp/out" 2>&1 && ! [ -s "$tmp/out" ]; then
		pass "check: $t"
	else
		fail "check: $t reports something:"
		cat "$tmp/out"
	fi
done
# freplace ships the XDP program whose function it replaces
d=$super/n_freplace
if [ -s "$d/n_freplace_target.bpf.c" ] &&
   "$bpfgen" check "$d/n_freplace_target.bpf.c" -- -I "$src/headers" -I "$d" \
	-I "$super/build/bpfgen-vmlinux" >"$tmp/out" 2>&1 && ! [ -s "$tmp/out" ]; then
	pass "check: freplace's target"
else
	fail "check: freplace's target is missing or check reports something:"
	cat "$tmp/out"
fi

# the loaders' usage: --help is exit 0, wrong arguments exit 2 before loading
bad_usage=0
for t in "${types[@]}"; do
	exe=$super/build/n_$t/n_$t
	if ! "$exe" --help >"$tmp/out" 2>&1 || ! grep -q "^usage: n_$t" "$tmp/out"; then
		fail "n_$t --help"
		cat "$tmp/out"
		bad_usage=1
	fi
	"$exe" one two three four five >"$tmp/out" 2>&1
	rc=$?
	if [ $rc -ne 2 ] || grep -q "^loaded" "$tmp/out"; then
		fail "n_$t with five arguments: exit $rc, expected 2 before loading"
		bad_usage=1
	fi
done
"$super/build/n_uprobe/n_uprobe" "$target" bpfgen_new_target -3 >/dev/null 2>&1
[ $? -eq 2 ] || { fail "n_uprobe with a bad pid: not exit 2"; bad_usage=1; }
[ $bad_usage -eq 0 ] && pass "every loader: --help, and exit 2 on wrong arguments"

# ---- 4. load, attach, detach (root) ---------------------------------------------

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: loading and attaching needs root"
	echo "new: $passes passed, $fails failed, $skips skipped"
	[ $fails -eq 0 ]
	exit
fi

ip netns add "$ns_a" && ip netns add "$ns_b" &&
ip -n "$ns_a" link add veth0 type veth peer name veth1 netns "$ns_b" &&
ip -n "$ns_a" addr add 10.79.0.1/24 dev veth0 && ip -n "$ns_b" addr add 10.79.0.2/24 dev veth1 &&
ip -n "$ns_a" link set veth0 up && ip -n "$ns_b" link set veth1 up &&
ip -n "$ns_a" link set lo up && ip -n "$ns_b" link set lo up || {
	fail "network namespaces"
	exit 1
}
cg_root=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
if [ -n "$cg_root" ]; then
	cg=$cg_root/bpfgen_new_$$
	mkdir "$cg" || cg=
fi

# Sends a few UDP packets from ns_b to 10.79.0.1 port 9.
udp_to_a() {
	ip netns exec "$ns_b" bash -c 'for i in 1 2 3; do echo hi >/dev/udp/10.79.0.1/9; sleep 0.05; done' 2>/dev/null
}
# Runs a command inside the test cgroup.
in_cgroup() {
	bash -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$cg" "$@"
}

# run_loader TYPE TRIGGER EXPECT_RE [PREFIX...]: starts the loader (after PREFIX,
# e.g. ip netns exec), waits for it to attach, runs TRIGGER (a shell function or
# command, may be :), stops it with SIGINT, and checks it detached and printed
# EXPECT_RE (extended regex, may be empty).
run_loader() {
	local t=$1 trigger=$2 expect=$3
	shift 3
	local exe=$super/build/n_$t/n_$t out=$tmp/run_$t.out i rc
	"$@" "$exe" ${args[$t]:-} >"$out" 2>&1 &
	loader_pid=$!
	for i in $(seq 100); do
		grep -q "Ctrl-C to stop" "$out" && break
		kill -0 "$loader_pid" 2>/dev/null || break
		sleep 0.05
	done
	if ! grep -q "Ctrl-C to stop" "$out"; then
		wait "$loader_pid"
		rc=$?
		loader_pid=
		if grep -q "BPF program load failed: Operation not permitted \[verifier\]" "$out"; then
			skip "load: $t: this kernel refuses the program type with EPERM before verifying it"
		elif [[ $t == kprobe || $t == kretprobe ]] && grep -q "^loaded" "$out"; then
			pass "load: $t (loaded)"
			skip "attach: $t: this kernel cannot attach it: $(grep -m1 "n_$t: attach" "$out")"
		else
			fail "load/attach: $t (exit $rc):"
			cat "$out"
		fi
		return
	fi
	$trigger
	sleep 0.3
	kill -INT "$loader_pid"
	wait "$loader_pid"
	rc=$?
	loader_pid=
	if [ $rc -ne 0 ] || ! grep -q "^detached" "$out"; then
		fail "run: $t: exit $rc after SIGINT, or no 'detached':"
		cat "$out"
	elif [ -n "$expect" ] && ! grep -Eq "$expect" "$out"; then
		fail "run: $t: the output does not match '$expect':"
		cat "$out"
	else
		pass "run: $t: $(grep -m1 '^attached' "$out" | sed 's/; Ctrl-C to stop//')${expect:+, saw '$expect'}"
	fi
}

declare -A args=(
	[xdp]=veth0 [classifier]=veth0 [freplace]=veth0 [uprobe]="$target bpfgen_new_target"
	[uretprobe]="$target bpfgen_new_target" [sk_reuseport]=47123)
for t in cgroup_skb cgroup_sock cgroup_sock_addr cgroup_sockopt cgroup_sysctl cgroup_device sock_ops; do
	args[$t]=$cg
done

udp_lo() { in_cgroup bash -c 'echo hi >/dev/udp/127.0.0.1/9' 2>/dev/null; }
tcp_lo() { in_cgroup bash -c 'echo hi >/dev/tcp/127.0.0.1/9' 2>/dev/null; }
sysctl_read() { in_cgroup cat /proc/sys/kernel/ostype >/dev/null; }
dev_open() { in_cgroup head -c 1 /dev/zero >/dev/null; }
sockopt() { in_cgroup python3 -c 'import socket; socket.socket().getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)' 2>/dev/null; }
exec_true() { /bin/true; }
fork_true() { (/bin/true); }
call_target() { "$target" 20; }
unlink_file() { touch "$tmp/unlink_me" && rm -f "$tmp/unlink_me"; }
perf_wait() { sleep 0.5; }
udp_reuseport() { for i in 1 2 3; do echo hi >/dev/udp/127.0.0.1/47123; done 2>/dev/null; }
udp_lo_9() { echo hi >/dev/udp/127.0.0.1/9 2>/dev/null; }
# a TCP connection over loopback with the congestion control of n_struct_ops
tcp_cc() {
	python3 -c 'import socket
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(1)
c = socket.socket(); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, b"n_struct_ops")
c.connect(l.getsockname()); a, _ = l.accept(); c.sendall(b"x" * 100000); n = 0
while n < 100000: n += len(a.recv(65536))'
}

in_a=(ip netns exec "$ns_a")
run_loader xdp udp_to_a '^ +17 [1-9]' "${in_a[@]}"
if ip -n "$ns_a" link show veth0 | grep -q xdp; then
	fail "xdp: an XDP program stays on veth0 after the loader stopped"
fi
run_loader classifier udp_to_a '^ +17 [1-9]' "${in_a[@]}"
run_loader socket_filter udp_to_a '^ +0 [1-9]' "${in_a[@]}"
if [ -n "$cg" ]; then
	run_loader cgroup_skb udp_lo '^ +[0-9]+ [1-9]'
	run_loader cgroup_sock udp_lo '^ +2 [1-9]'
	run_loader cgroup_sock_addr udp_lo '^ +9 [1-9]'
	if command -v python3 >/dev/null; then
		run_loader cgroup_sockopt sockopt '^ +3 [1-9]'
	else
		run_loader cgroup_sockopt : ''
	fi
	run_loader cgroup_sysctl sysctl_read '^ +0 [1-9]'
	run_loader cgroup_device dev_open '^ +1 [1-9]'
	run_loader sock_ops tcp_lo '^ +[0-9]+ [1-9]'
else
	skip "cgroup types: no cgroup v2 mount"
fi
run_loader sk_msg : ''
run_loader sk_skb : ''
run_loader sk_lookup udp_to_a '^ +9 [1-9]' "${in_a[@]}"
run_loader kprobe unlink_file ''
run_loader kretprobe unlink_file ''
run_loader uprobe call_target 'value 20$'
run_loader uretprobe call_target 'value 40$'
run_loader tracepoint exec_true '^[1-9][0-9]* events'
run_loader raw_tracepoint exec_true '^[1-9][0-9]* events'
run_loader tp_btf fork_true '^[1-9][0-9]* events'
run_loader fentry unlink_file '^[1-9][0-9]* events'
run_loader fexit unlink_file '^[1-9][0-9]* events'
run_loader lsm exec_true '^[1-9][0-9]* events'
run_loader perf_event perf_wait '^ +[0-9]+ [1-9]'
run_loader flow_dissector udp_to_a '' "${in_a[@]}"
run_loader sk_reuseport udp_reuseport '^ +0 3$'
run_loader netfilter udp_lo_9 '^ +17 [1-9]'
run_loader syscall : 'run 3: key 7 seen 3 times, returned 0'
run_loader iter : '^ +0 [1-9]'
run_loader fmod_ret unlink_file '^[1-9][0-9]* events'
# the replacement counts what the target sees on veth0 (this kernel refuses extensions: EPERM)
run_loader freplace udp_to_a '^ +17 [1-9]' "${in_a[@]}"
if ip -n "$ns_a" link show veth0 | grep -q xdp; then
	fail "freplace: the target XDP program stays on veth0 after the loader stopped"
fi
if command -v python3 >/dev/null; then
	run_loader struct_ops tcp_cc '^ +0 [1-9]'
else
	skip "run: struct_ops: no python3 to open a TCP connection with its congestion control"
fi

echo "new: $passes passed, $fails failed, $skips skipped"
[ $fails -eq 0 ]
