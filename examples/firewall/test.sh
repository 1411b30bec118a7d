#!/usr/bin/env bash
# The firewall demo and its kernel test: two network namespaces joined by a
# veth pair, the firewall on the receiver's end, real traffic from an allowed
# and a blocked source, then SIGINT and a check that no XDP program is left.
#
#   bash examples/firewall/test.sh FIREWALL FW_TRAFFIC
#
# Exit status: 0 passed, 1 failed, 77 skipped (not root, or no netns / XDP).
set -uo pipefail

fw=${1:?usage: test.sh FIREWALL FW_TRAFFIC}
traffic=${2:?usage: test.sh FIREWALL FW_TRAFFIC}

if [ "$(id -u)" != 0 ]; then
	echo "skip: the firewall test needs root (network namespaces and XDP)"
	exit 77
fi

# Names unique to this run, so parallel runs and leftovers do not collide.
tag=$$
sender=fw-snd-$tag
receiver=fw-rcv-$tag
veth_s=fws$tag
veth_r=fwr$tag
work=$(mktemp -d)
fw_pid=
failed=0

cleanup() {
	if [ -n "$fw_pid" ] && kill -0 "$fw_pid" 2> /dev/null; then
		kill -KILL "$fw_pid" 2> /dev/null
		wait "$fw_pid" 2> /dev/null
	fi
	ip netns del "$sender" 2> /dev/null
	ip netns del "$receiver" 2> /dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

step() { echo "== $*"; }
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failed=1; }

in_s() { ip netns exec "$sender" "$@"; }
in_r() { ip netns exec "$receiver" "$@"; }

step "bad rules are refused before anything is loaded"
for bad in 10.77.0.300 10.77.0.3:0 10.77.0.3:65536 10.77.0.3: host:53; do
	rc=0
	"$fw" -i lo "$bad" > /dev/null 2> "$work/err" || rc=$?
	if [ "$rc" = 2 ] && grep -q "bad rule '$bad'" "$work/err"; then
		ok "'$bad' refused"
	else
		fail "'$bad': exit status $rc, $(cat "$work/err")"
	fi
done

step "network: $sender (10.77.0.2, 10.77.0.3) <-> $receiver (10.77.0.1)"
if ! ip netns add "$sender" 2> "$work/err" || ! ip netns add "$receiver" 2>> "$work/err"; then
	echo "skip: cannot create network namespaces: $(cat "$work/err")"
	exit 77
fi
set -e
ip link add "$veth_s" netns "$sender" type veth peer name "$veth_r" netns "$receiver"
in_s ip addr add 10.77.0.2/24 dev "$veth_s"
in_s ip addr add 10.77.0.3/24 dev "$veth_s"
in_r ip addr add 10.77.0.1/24 dev "$veth_r"
in_s ip link set lo up
in_r ip link set lo up
in_s ip link set "$veth_s" up
in_r ip link set "$veth_r" up
set +e

# Rule 0 blocks everything from 10.77.0.3, rule 1 only UDP/TCP from 10.77.0.2 to port 5353.
step "firewall -i $veth_r 10.77.0.3 10.77.0.2:5353 (in $receiver)"
# Not through in_r: $! must be the firewall itself (ip netns exec execs it) for SIGINT.
ip netns exec "$receiver" "$fw" -i "$veth_r" 10.77.0.3 10.77.0.2:5353 \
	> "$work/fw.out" 2> "$work/fw.err" &
fw_pid=$!
for _ in $(seq 50); do
	grep -q '^attached' "$work/fw.out" 2> /dev/null && break
	kill -0 "$fw_pid" 2> /dev/null || break
	sleep 0.1
done
if ! grep -q '^attached' "$work/fw.out"; then
	cat "$work/fw.out" "$work/fw.err"
	if grep -qiE 'operation not permitted|not supported' "$work/fw.err"; then
		echo "skip: this kernel or container does not allow XDP here"
		exit 77
	fi
	echo "FAIL: the firewall did not attach"
	exit 1
fi
cat "$work/fw.out"
prog_id=$(in_r ip link show dev "$veth_r" | sed -n 's/.*prog\/xdp id \([0-9]*\).*/\1/p')
if [ -n "$prog_id" ]; then
	ok "$veth_r has an XDP program (id $prog_id)"
else
	fail "$veth_r shows no XDP program while the firewall runs"
fi

rc=0
in_r "$fw" -i "$veth_r" 10.77.0.9 > /dev/null 2> "$work/err" || rc=$?
if [ "$rc" = 1 ] && grep -q 'already has an XDP program' "$work/err"; then
	ok "a second firewall on $veth_r is refused"
else
	fail "a second firewall on $veth_r: exit status $rc, $(cat "$work/err")"
fi

ping_from() {
	if command -v ping > /dev/null; then
		in_s ping -q -c 3 -i 0.2 -W 1 -I "$1" 10.77.0.1
	else
		in_s "$traffic" ping "$1" 10.77.0.1 3
	fi
}

step "ping 10.77.0.1 from 10.77.0.2 (allowed)"
if ping_from 10.77.0.2; then ok "allowed ping answered"; else fail "allowed ping was not answered"; fi

step "ping 10.77.0.1 from 10.77.0.3 (blocked by rule 0)"
if ping_from 10.77.0.3; then fail "blocked ping was answered"; else ok "blocked ping got no reply"; fi

step "udp from 10.77.0.2 to ports 5353 (blocked by rule 1) and 5354 (allowed)"
in_r "$traffic" recv 10.77.0.1 5353 2 > "$work/recv5353" &
recv1=$!
in_r "$traffic" recv 10.77.0.1 5354 2 > "$work/recv5354" &
recv2=$!
for _ in $(seq 20); do
	grep -q listening "$work/recv5353" && grep -q listening "$work/recv5354" && break
	sleep 0.05
done
in_s "$traffic" udp 10.77.0.2 10.77.0.1 5353 3
in_s "$traffic" udp 10.77.0.2 10.77.0.1 5354 3
wait "$recv1" "$recv2"
tail -n1 "$work/recv5353" "$work/recv5354" | grep received
grep -q 'received 0 datagrams on 10.77.0.1:5353' "$work/recv5353" &&
	ok "nothing arrived on port 5353" || fail "datagrams to port 5353 got through"
grep -q 'received 3 datagrams on 10.77.0.1:5354' "$work/recv5354" &&
	ok "all 3 arrived on port 5354" || fail "datagrams to port 5354 were lost"

step "tcp from 10.77.0.2 to ports 5353 (blocked by rule 1) and 5354 (no listener: a reset)"
in_s "$traffic" tcp 10.77.0.2 10.77.0.1 5353 | tee "$work/tcp5353"
in_s "$traffic" tcp 10.77.0.2 10.77.0.1 5354 | tee "$work/tcp5354"
grep -q 'no answer' "$work/tcp5353" && ok "the SYN to port 5353 was dropped" ||
	fail "port 5353 answered over tcp"
grep -q 'refused' "$work/tcp5354" && ok "port 5354 answered with a reset" ||
	fail "port 5354 did not answer over tcp"

step "SIGINT the firewall"
kill -INT "$fw_pid"
for _ in $(seq 50); do
	kill -0 "$fw_pid" 2> /dev/null || break
	sleep 0.1
done
if kill -0 "$fw_pid" 2> /dev/null; then
	fail "the firewall did not exit within 5 s of SIGINT"
	kill -KILL "$fw_pid"
fi
wait "$fw_pid"
rc=$?
fw_pid=
sed -n '/^[0-9].* drop /,$p' "$work/fw.out"
cat "$work/fw.err"
[ "$rc" = 0 ] && ok "firewall exited 0" || fail "firewall exited $rc"
if in_r ip link show dev "$veth_r" | grep -q xdp; then
	fail "an XDP program is still attached to $veth_r"
else
	ok "no XDP program left on $veth_r"
fi
if [ -n "$prog_id" ] && command -v bpftool > /dev/null; then
	# freed after an RCU grace period: it can outlive the process by a moment
	for _ in $(seq 30); do
		bpftool prog show id "$prog_id" > /dev/null 2>&1 || break
		sleep 0.1
	done
	if bpftool prog show id "$prog_id" > /dev/null 2>&1; then
		fail "program $prog_id is still loaded"
	else
		ok "program $prog_id is unloaded"
	fi
fi

# Exactly the blocked packets: 3 echo requests from .3 (98 bytes with ping's
# 56-byte payload, which fw_traffic sends too), 3 datagrams of 6 bytes and one
# SYN (74 bytes with Linux's default options) to 5353.
expect() {
	if grep -qE -- "$1" "$work/fw.out"; then ok "$2"; else fail "$2: no line matches '$1'"; fi
}
expect '^  rule 0 10\.77\.0\.3 +3 packets 294 bytes$' "rule 0 dropped 3 packets, 3 x 98 bytes"
expect '^  rule 1 10\.77\.0\.2:5353 +4 packets 218 bytes$' "rule 1 dropped 4 packets, 3 x 48 + 74 bytes"
expect '^7 drop events$' "7 drop events"
n=$(grep -cE 'drop icmp from 10\.77\.0\.3 len 98 rule 0 \(10\.77\.0\.3\)$' "$work/fw.out")
[ "$n" = 3 ] && ok "3 icmp drop events for rule 0" || fail "$n icmp drop events for rule 0, expected 3"
n=$(grep -cE 'drop udp from 10\.77\.0\.2 to port 5353 len 48 rule 1 \(10\.77\.0\.2:5353\)$' "$work/fw.out")
[ "$n" = 3 ] && ok "3 udp drop events for rule 1" || fail "$n udp drop events for rule 1, expected 3"
n=$(grep -cE 'drop tcp from 10\.77\.0\.2 to port 5353 len 74 rule 1 \(10\.77\.0\.2:5353\)$' "$work/fw.out")
[ "$n" = 1 ] && ok "1 tcp drop event for rule 1" || fail "$n tcp drop events for rule 1, expected 1"

step "SIGTERM detaches too"
ip netns exec "$receiver" "$fw" -i "$veth_r" 10.77.0.3 > "$work/fw2.out" 2>&1 &
fw_pid=$!
for _ in $(seq 50); do
	grep -q '^attached' "$work/fw2.out" 2> /dev/null && break
	sleep 0.1
done
kill -TERM "$fw_pid"
for _ in $(seq 50); do
	kill -0 "$fw_pid" 2> /dev/null || break
	sleep 0.1
done
kill -0 "$fw_pid" 2> /dev/null && kill -KILL "$fw_pid"
wait "$fw_pid"
rc=$?
fw_pid=
grep -E '^(attached|detached)' "$work/fw2.out"
if [ "$rc" = 0 ] && grep -q '^detached' "$work/fw2.out" &&
	! in_r ip link show dev "$veth_r" | grep -q xdp; then
	ok "SIGTERM: exit 0, no XDP program left"
else
	cat "$work/fw2.out"
	fail "SIGTERM: exit status $rc or an XDP program left"
fi

if [ "$failed" != 0 ]; then
	echo "firewall test: FAILED"
	exit 1
fi
echo "firewall test: passed"
