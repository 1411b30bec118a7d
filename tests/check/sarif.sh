#!/usr/bin/env bash
# sarif.sh BPFGEN VMLINUX_DIR: `bpfgen check --format sarif` validates against the SARIF
# 2.1.0 schema (the OASIS schema as @microsoft/jest-sarif ships it, fetched with
# npm), carries the rule table as rule metadata, and points at the right lines.
set -u
BPFGEN=$(realpath "${1:?usage: sarif.sh BPFGEN VMLINUX_DIR}")
VMLINUX_DIR=$(realpath "${2:?usage: sarif.sh BPFGEN VMLINUX_DIR}")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

schema=$(bash "$top/tests/check/sarif_schema.sh" "$tmp")
case $? in
0) ;;
77) echo "SKIP: $schema"; exit 77 ;;
*) echo "FAIL: $schema"; exit 1 ;;
esac

cd "$top/tests/check" || exit 1
"$BPFGEN" check --format sarif bad/xdp_tc_blocklist.bpf.c bad/flow_tc_flow_bytes.bpf.c \
	good/xdp_proto_count.bpf.c -- -I "$VMLINUX_DIR" > "$tmp/out.sarif"
rc=$?
[ "$rc" = 1 ] || { echo "FAIL: exit $rc, expected 1 (errors found)"; exit 1; }
"$BPFGEN" check --list-rules | awk 'NR > 1 { print $1 }' > "$tmp/rules.txt"

python3 - "$schema" "$tmp/out.sarif" "$tmp/rules.txt" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
rules = open(sys.argv[3]).read().split()
cls = jsonschema.validators.validator_for(schema)
errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.path))
for e in errors[:10]:
    print("FAIL: schema:", "/".join(map(str, e.path)), e.message[:200])
if errors:
    sys.exit(1)
run = log["runs"][0]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
if ids != rules:
    print("FAIL: SARIF rules", ids, "differ from --list-rules", rules)
    sys.exit(1)
found = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
          r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in run["results"]}
want = set()
for path in ("bad/xdp_tc_blocklist.bpf.c", "bad/flow_tc_flow_bytes.bpf.c"):
    for n, line in enumerate(open(path), 1):
        if "// expect:" in line:
            want.add((line.split("// expect:")[1].split()[1], n, path))
if found != want:
    print("FAIL: results", sorted(found), "expected", sorted(want))
    sys.exit(1)
for r in run["results"]:
    if ids[r["ruleIndex"]] != r["ruleId"]:
        print("FAIL: ruleIndex of", r["ruleId"])
        sys.exit(1)
print("ok: %d results, %d rules, valid SARIF 2.1.0" % (len(run["results"]), len(ids)))
PY
