#!/usr/bin/env bash
# conntrack's kernel test: a cgroup (v2) and a network namespace of its own,
# real TCP connections over loopback from processes in and out of the
# cgroup, then a restart that must find the earlier flows in the pinned map,
# and a check that nothing stays attached, loaded or pinned.
#
#   bash examples/conntrack/test.sh CONNTRACK CT_TRAFFIC
#
# Exit status: 0 passed, 1 failed, 77 skipped (not root, no cgroup v2, no bpffs).
set -uo pipefail

ct=${1:?usage: test.sh CONNTRACK CT_TRAFFIC}
traffic=${2:?usage: test.sh CONNTRACK CT_TRAFFIC}

if [ "$(id -u)" != 0 ]; then
	echo "skip: the conntrack test needs root (cgroups, network namespaces, BPF)"
	exit 77
fi
command -v bpftool > /dev/null || PATH=$PATH:/usr/sbin:/sbin

tag=$$
work=$(mktemp -d)
ns=ct-$tag
ct_pid=
mounted=()
cg=
pindir=
failed=0

cleanup() {
	if [ -n "$ct_pid" ] && kill -0 "$ct_pid" 2> /dev/null; then
		kill -KILL "$ct_pid" 2> /dev/null
		wait "$ct_pid" 2> /dev/null
	fi
	ip netns del "$ns" 2> /dev/null
	[ -n "$cg" ] && rmdir "$cg" 2> /dev/null
	[ -n "$pindir" ] && rm -f "$pindir/flows" && rmdir "$pindir" 2> /dev/null
	for m in "${mounted[@]}"; do umount "$m" 2> /dev/null; done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

step() { echo "== $*"; }
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failed=1; }
# expect FILE REGEX WHAT: some line of FILE matches
expect() {
	if grep -qE -- "$2" "$1"; then ok "$3"; else fail "$3: no line matches '$2'"; fi
}
reject() {
	if grep -qE -- "$2" "$1"; then fail "$3: a line matches '$2'"; else ok "$3"; fi
}

# The first mount of filesystem type TYPE, else one of our own under $work.
mount_of() { # TYPE
	local dir
	dir=$(awk -v t="$1" '$3 == t { print $2; exit }' /proc/mounts)
	if [ -z "$dir" ]; then
		dir=$work/$1
		mkdir -p "$dir"
		mount -t "$1" none "$dir" 2> /dev/null || return 1
		mounted+=("$dir")
	fi
	echo "$dir"
}

step "a cgroup, a bpffs directory and a network namespace of our own"
if ! cgroot=$(mount_of cgroup2); then
	echo "skip: no cgroup v2 hierarchy and it cannot be mounted"
	exit 77
fi
if ! bpffs=$(mount_of bpf); then
	echo "skip: no bpffs and it cannot be mounted"
	exit 77
fi
cg=$cgroot/conntrack-test-$tag
pindir=$bpffs/conntrack-test-$tag
pin=$pindir/flows
if ! mkdir "$cg" "$pindir" || ! ip netns add "$ns"; then
	echo "skip: cannot create the cgroup, the bpffs directory or the network namespace"
	exit 77
fi
ip netns exec "$ns" ip link set lo up
ok "cgroup $cg, pin $pin, netns $ns"

# in_cg CMD...: CMD in the cgroup and the namespace; out_cg: the namespace only
in_cg() { sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$cg" ip netns exec "$ns" "$@"; }
out_cg() { ip netns exec "$ns" "$@"; }

# The ids of the programs named track that are attached to our cgroup.
attached() { bpftool cgroup show "$cg" 2> /dev/null | awk '$NF == "track" { print $1 }'; }
# How many links use program ID.
links_of() {
	bpftool -j link list 2> /dev/null |
		python3 -c 'import json, sys; print(sum(1 for l in json.load(sys.stdin) if l.get("prog_id") == int(sys.argv[1])))' "$1"
}
# Whether CMD... holds within 3 s: the kernel frees a link and its program
# after an RCU grace period, so they can outlive the process by a moment.
eventually() {
	local i
	for i in $(seq 30); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}
no_links() { [ "$(links_of "$1")" = 0 ]; }
unloaded() { ! bpftool prog show id "$1" > /dev/null 2>&1; }
detached() { [ -z "$(attached)" ]; }

start() { # OUT ERR ARGS...: conntrack in the background, until it has attached
	local out=$1 err=$2
	shift 2
	"$ct" -c "$cg" -p "$pin" "$@" > "$out" 2> "$err" &
	ct_pid=$!
	for _ in $(seq 100); do
		grep -q "attached to cgroup" "$err" 2> /dev/null && return 0
		kill -0 "$ct_pid" 2> /dev/null || break
		sleep 0.05
	done
	cat "$err"
	return 1
}
stop() { # SIGNAL: stop conntrack, and give its exit status in $rc
	kill -"$1" "$ct_pid"
	for _ in $(seq 100); do
		kill -0 "$ct_pid" 2> /dev/null || break
		sleep 0.05
	done
	if kill -0 "$ct_pid" 2> /dev/null; then
		fail "conntrack did not exit within 5 s of SIG$1"
		kill -KILL "$ct_pid"
	fi
	wait "$ct_pid"
	rc=$?
	ct_pid=
}
port_of() { sed -n 's/^connected from .* port \([0-9]*\)$/\1/p' "$1"; }
wait_listening() {
	for _ in $(seq 100); do
		grep -q listening "$1" 2> /dev/null && return 0
		sleep 0.02
	done
	return 1
}

step "wrong use is refused before anything is attached"
rc=0
"$ct" > /dev/null 2> "$work/err" || rc=$?
[ "$rc" = 2 ] && grep -q usage "$work/err" && ok "no cgroup: usage, exit 2" ||
	fail "no cgroup: exit status $rc"
rc=0
"$ct" -c "$work/no-such-cgroup" -p "$pin" > /dev/null 2> "$work/err" || rc=$?
[ "$rc" = 1 ] && grep -q "cgroup '$work/no-such-cgroup': No such file" "$work/err" &&
	ok "a missing cgroup is named, exit 1" || fail "missing cgroup: exit $rc, $(cat "$work/err")"
rc=0
"$ct" -c "$cg" -p "$work/flows" > /dev/null 2> "$work/err" || rc=$?
if [ "$rc" = 1 ] && grep -q "not on a BPF filesystem" "$work/err" && [ ! -e "$work/flows" ]; then
	ok "a pin path outside bpffs is refused, exit 1"
else
	fail "pin outside bpffs: exit $rc, $(cat "$work/err")"
fi
[ -z "$(attached)" ] && ok "nothing attached after the refusals" || fail "a program stayed attached"

step "first run: conntrack -c $cg -p $pin -i 200"
if ! start "$work/out1" "$work/err1" -i 200; then
	fail "conntrack did not attach"
	exit 1
fi
expect "$work/err1" "pinned a new map of closed connections at $pin" "a new map was pinned"
prog_id=$(attached)
[ -n "$prog_id" ] && ok "bpftool cgroup show: track (id $prog_id) attached to the cgroup" ||
	fail "bpftool cgroup show lists no track program on $cg"

in_cg "$traffic" serve 127.0.0.1 7001 3 > "$work/srv4" 2>&1 &
srv4=$!
wait_listening "$work/srv4" || fail "the IPv4 server did not listen"
in_cg "$traffic" connect 127.0.0.1 7001 1000 4000 0 > "$work/c1"
# held open for a second, so the live view shows it
in_cg "$traffic" connect 127.0.0.1 7001 200000 100 1000 > "$work/c2"
# from outside the cgroup: only the server's side belongs to the cgroup
out_cg "$traffic" connect 127.0.0.1 7001 500 500 0 > "$work/c3"
wait "$srv4" || fail "the IPv4 server failed: $(cat "$work/srv4")"
p1=$(port_of "$work/c1") p2=$(port_of "$work/c2") p3=$(port_of "$work/c3")
opened=5
ipv6=
if out_cg ip -6 addr show dev lo 2> /dev/null | grep -q '::1/128'; then
	ipv6=yes
	in_cg "$traffic" serve ::1 7002 1 > "$work/srv6" 2>&1 &
	srv6=$!
	wait_listening "$work/srv6" || fail "the IPv6 server did not listen"
	in_cg "$traffic" connect ::1 7002 3000 3000 0 > "$work/c4"
	wait "$srv6" || fail "the IPv6 server failed: $(cat "$work/srv6")"
	p4=$(port_of "$work/c4")
	opened=$((opened + 2))
else
	echo "note: no ::1 in the namespace, the IPv6 connection is left out"
fi
cat "$work"/c[0-9] | sed 's/^/  client: /'
# every close event, before the signal
all_closed() { [ "$(grep -c '^close ' "$work/out1")" -ge "$opened" ]; }
eventually all_closed || true

step "SIGINT"
stop INT
sed 's/^/  stdout: /' "$work/out1"
sed 's/^/  stderr: /' "$work/err1"
[ "$rc" = 0 ] && ok "conntrack exited 0" || fail "conntrack exited $rc"
expect "$work/err1" "detached 1 link" "the loop detached the link"

# bytes_acked and bytes_received count sequence numbers: SYN and FIN one each.
# The client sends an 8-byte header, then its request, and closes first.
v4="127\\.0\\.0\\.1"
e1="active $v4:$p1 -> $v4:7001 acked 1010 received 4001 .* states ESTABLISHED>FIN_WAIT1>FIN_WAIT2>CLOSE "
expect "$work/out1" "^close +[0-9]+ $e1" "connection 1, client side: 1008 bytes out, 4000 in, the active close's states"
expect "$work/out1" "^close +[0-9]+ passive $v4:7001 -> $v4:$p1 acked 4001 received 1009 .* states ESTABLISHED>CLOSE_WAIT>LAST_ACK>CLOSE " \
	"connection 1, server side: 4000 out, 1008 in, the passive close's states"
expect "$work/out1" "^close +[0-9]+ active $v4:$p1 .* srtt [1-9][0-9]*us .* rtt-samples [1-9]" \
	"connection 1: an RTT was measured"
expect "$work/out1" "^live +[0-9]+ active $v4:$p2 -> $v4:7001 acked 200009 received 100 " \
	"connection 2 shown live with its bytes while held open"
expect "$work/out1" "^close +[0-9]+ active $v4:$p2 -> $v4:7001 acked 200010 received 101 .* data-segs out ([2-9]|[1-9][0-9]+) " \
	"connection 2 closed: 200008 bytes out in several segments"
lasted=$(sed -n "s/^close .* active $v4:$p2 .* lasted \\([0-9.]*\\)ms$/\\1/p" "$work/out1")
awk -v l="${lasted:-0}" 'BEGIN { exit !(l >= 1000 && l < 5000) }' &&
	ok "connection 2 lasted ${lasted} ms (held 1000 ms)" || fail "connection 2 lasted '${lasted}' ms"
expect "$work/out1" "^close +[0-9]+ passive $v4:7001 -> $v4:$p3 acked 501 received 509 " \
	"connection 3 from outside the cgroup: its server side is tracked"
reject "$work/out1" "active $v4:$p3 " "connection 3's client side, outside the cgroup, is not"
if [ -n "$ipv6" ]; then
	expect "$work/out1" "^close +[0-9]+ active \\[::1\\]:$p4 -> \\[::1\\]:7002 acked 3010 received 3001 " \
		"IPv6 connection 4, client side"
	expect "$work/out1" "^close +[0-9]+ passive \\[::1\\]:7002 -> \\[::1\\]:$p4 acked 3001 received 3009 " \
		"IPv6 connection 4, server side"
fi
n_open=$(grep -c '^open ' "$work/out1")
n_close=$(grep -c '^close ' "$work/out1")
[ "$n_open" = "$opened" ] && [ "$n_close" = "$opened" ] &&
	ok "$opened open and $opened close events" || fail "$n_open open and $n_close close events, expected $opened"
expect "$work/err1" "$opened closed connections in $pin" "the pinned map holds the $opened closed connections"
expect "$work/err1" "kept pinned at $pin" "the map is kept for the next run"

eventually detached && ok "bpftool cgroup show: nothing attached after SIGINT" ||
	fail "a track program is still attached to $cg"
eventually no_links "$prog_id" && ok "no link of program $prog_id left" ||
	fail "a link of program $prog_id is left"
eventually unloaded "$prog_id" && ok "program $prog_id is unloaded" ||
	fail "program $prog_id is still loaded"
if bpftool map show pinned "$pin" 2> /dev/null | grep -q "lru_hash .*name flows"; then
	ok "the flows map stays pinned at $pin"
else
	fail "no lru_hash 'flows' pinned at $pin"
fi

step "second run, restarted on the pinned map: conntrack -c $cg -p $pin --unpin"
if ! start "$work/out2" "$work/err2" --unpin; then
	fail "conntrack did not attach again"
	exit 1
fi
expect "$work/err2" "reusing the map pinned at $pin: $opened closed connections recorded before" \
	"the restart found the $opened earlier flows"
expect "$work/out2" "^earlier +[0-9]+ $e1" "connection 1 from before the restart, with its bytes and states"
expect "$work/out2" "^earlier +[0-9]+ active $v4:$p2 -> $v4:7001 acked 200010 received 101 " \
	"connection 2 from before the restart"
in_cg "$traffic" serve 127.0.0.1 7001 1 > "$work/srv4b" 2>&1 &
srv4=$!
wait_listening "$work/srv4b" || fail "the IPv4 server did not listen"
in_cg "$traffic" connect 127.0.0.1 7001 10 20 0 > "$work/c5"
wait "$srv4"
p5=$(port_of "$work/c5")
# both sides' close events, before the signal (a busy machine is slow to deliver them)
closed_p5() { [ "$(grep -c "^close .*:$p5 " "$work/out2")" -ge 2 ]; }
eventually closed_p5 || true
prog_id=$(attached)
stop TERM
sed 's/^/  stdout: /' "$work/out2"
sed 's/^/  stderr: /' "$work/err2"
[ "$rc" = 0 ] && ok "SIGTERM: conntrack exited 0" || fail "SIGTERM: conntrack exited $rc"
expect "$work/out2" "^close +[0-9]+ active $v4:$p5 -> $v4:7001 acked 20 received 21 " \
	"a connection after the restart is tracked"
expect "$work/err2" "$((opened + 2)) closed connections in $pin" "the map now holds the old and the new flows"
expect "$work/err2" "unpinned $pin" "--unpin removed the map"
[ ! -e "$pin" ] && ok "nothing pinned at $pin" || fail "$pin still exists"
eventually detached && ok "nothing attached after SIGTERM" || fail "a track program is still attached"
[ -n "$prog_id" ] && eventually no_links "$prog_id" && ok "no link of program $prog_id left" ||
	fail "a link of program '$prog_id' is left"

if [ "$failed" != 0 ]; then
	echo "conntrack test: FAILED"
	exit 1
fi
echo "conntrack test: passed"
