#!/usr/bin/env bash
# procmon's kernel test: start it, start processes under a name of our own,
# and check that it saw them fork and exec (with its log lines), that Ctrl-C
# stops it with status 0 and its counters, and that no BPF link is left.
# usage: test.sh PROCMON
set -u
procmon=$1
if [ "$(id -u)" != 0 ]; then
	echo "skip: procmon loads BPF programs (needs root)"
	exit 77
fi
command -v bpftool > /dev/null || PATH=$PATH:/usr/sbin:/sbin
tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill -9 "$pid" 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
check() { # DESCRIPTION COMMAND...
	if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi
}
# procmon's links: those of programs named like its own (other tests may
# attach links of their own meanwhile)
links() {
	python3 -c '
import json, subprocess
progs = json.loads(subprocess.run(["bpftool", "-j", "prog", "list"], capture_output=True).stdout or b"[]")
ids = {p["id"] for p in progs if p.get("name") in ("on_clone", "on_fork", "on_exec")}
links = json.loads(subprocess.run(["bpftool", "-j", "link", "list"], capture_output=True).stdout or b"[]")
print(sum(1 for l in links if l.get("prog_id") in ids))'
}

before=$(links)
"$procmon" > "$tmp/out" 2> "$tmp/err" &
pid=$!
for _ in $(seq 100); do
	grep -q "attached" "$tmp/err" && break
	sleep 0.1
done
check "procmon attached" grep -q "attached" "$tmp/err"
during=$(links)

# a program of our own name, run three times from a shell we know the pid of
cp /bin/true "$tmp/procmon-probe"
sh -c "echo \$\$ > '$tmp/sh.pid'; for i in 1 2 3; do '$tmp/procmon-probe'; done"
shpid=$(cat "$tmp/sh.pid")
sleep 0.5
kill -INT "$pid"
wait "$pid"
status=$?
pid=
after=$(links)

cat "$tmp/err" | sed 's/^/  stderr: /' | head -20
grep "procmon-probe" "$tmp/out" | sed 's/^/  stdout: /' | head -5
check "exit status 0 after SIGINT (got $status)" test "$status" = 0
check "3 execs of procmon-probe seen" test "$(grep -c "^EXEC .* file $tmp/procmon-probe\$" "$tmp/out")" = 3
check "the execs' parent is the shell ($shpid)" \
	test "$(grep "^EXEC .* file $tmp/procmon-probe\$" "$tmp/out" | grep -c "ppid $shpid ")" = 3
check "3 forks by the shell seen" test "$(grep -c "^FORK .* ppid $shpid " "$tmp/out")" = 3
check "log lines from the BPF side" grep -q "INFO .*exec $tmp/procmon-probe by pid" "$tmp/err"
check "final counters printed" grep -q "detached" "$tmp/err"
check "links while running ($during) > before ($before)" test "$during" -gt "$before"
check "links after ($after) == before ($before)" test "$after" = "$before"

# fentry: this kernel may refuse it; then --mode fentry must fail cleanly with the reason
if "$procmon" --mode fentry > "$tmp/out2" 2> "$tmp/err2" & p2=$!; sleep 1; kill -INT $p2 2> /dev/null; wait $p2; then
	echo "ok   --mode fentry loaded and stopped cleanly on this kernel"
else
	check "--mode fentry refused with a reason" grep -q "error:" "$tmp/err2"
	sed 's/^/  stderr: /' "$tmp/err2" | head -5
fi
exit $fail
