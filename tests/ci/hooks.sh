#!/usr/bin/env bash
# hooks.sh BPFGEN SOURCE_DIR
#
# The CI and pre-commit integrations, run as a user runs them:
#   1. the `bpfgen check` step of docs/ci/bpfgen-sarif.yml, taken from the
#      workflow file itself, run in a temporary git repository with one
#      correct and one wrong *.bpf.c: it reports status 1, and its SARIF
#      validates against the 2.1.0 schema with the ctx-type finding on the
#      wrong file's line;
#   2. .pre-commit-hooks.yaml through pre-commit (Debian package pre-commit):
#      a repository that uses the hook commits a correct file and is refused
#      a wrong one, with the rule id in the output.
# Exit: 0 pass, 1 fail, 2 usage, 77 skip (no schema or no pre-commit).
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 BPFGEN SOURCE_DIR" >&2
	exit 2
fi
bpfgen=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bpfgen_hooks.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0 skips=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }
export PATH="$tmp/bin:$PATH" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@invalid \
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@invalid GIT_CONFIG_GLOBAL=$tmp/gitconfig
mkdir -p "$tmp/bin" && ln -s "$bpfgen" "$tmp/bin/bpfgen"
git config --global init.defaultBranch main

good='#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int pass_all(struct xdp_md *ctx)
{
	return ctx->data_end > ctx->data ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";'
bad=${good/struct xdp_md \*ctx/struct __sk_buff *ctx}
bad_line=5

# ---- 1. the workflow's check step --------------------------------------------
mkdir -p "$tmp/repo/bpf" "$tmp/schema"
git -C "$tmp/repo" init -q
printf '%s\n' "$good" >"$tmp/repo/bpf/good.bpf.c"
printf '%s\n' "$bad" >"$tmp/repo/bpf/bad.bpf.c"
git -C "$tmp/repo" add -A && git -C "$tmp/repo" commit -qm init
python3 - "$src/docs/ci/bpfgen-sarif.yml" >"$tmp/step.sh" <<'PY' || fail "no step 'bpfgen' in the workflow"
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
steps = [s for job in wf["jobs"].values() for s in job["steps"] if s.get("id") == "bpfgen"]
uploads = [s for job in wf["jobs"].values() for s in job["steps"]
           if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
if not steps or not uploads or wf.get("permissions", {}).get("security-events") != "write":
    sys.exit(1)
print(steps[0]["run"])
print("# sarif_file:", uploads[0]["with"]["sarif_file"])
PY
sarif=$(sed -n 's/^# sarif_file: //p' "$tmp/step.sh")
(cd "$tmp/repo" && GITHUB_OUTPUT=$tmp/gh_output bash -e "$tmp/step.sh" >"$tmp/step.log" 2>&1)
rc=$?
if [ $rc -eq 0 ] && grep -qx "status=1" "$tmp/gh_output" && [ -s "$tmp/repo/$sarif" ]; then
	pass "the workflow's check step wrote $sarif and status=1"
else
	fail "the workflow's check step (exit $rc):"
	cat "$tmp/step.log" "$tmp/gh_output" 2>/dev/null
fi
schema=$(bash "$src/tests/check/sarif_schema.sh" "$tmp/schema")
case $? in
0)
	if python3 - "$schema" "$tmp/repo/$sarif" $bad_line <<'PY'; then
import json, sys
import jsonschema
schema, log = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
for e in errors[:10]:
    print("schema:", "/".join(map(str, e.path)), e.message[:200])
found = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
          r["locations"][0]["physicalLocation"]["region"]["startLine"])
         for r in log["runs"][0]["results"] if r.get("level") == "error"}
want = {("ctx-type", "bpf/bad.bpf.c", int(sys.argv[3]))}
if found != want:
    print("errors", sorted(found), "expected", sorted(want))
sys.exit(1 if errors or found != want else 0)
PY
		pass "the workflow's SARIF is valid 2.1.0 with ctx-type at bpf/bad.bpf.c:$bad_line"
	else
		fail "the workflow's SARIF"
	fi ;;
77) echo "SKIP: SARIF schema: $schema"; skips=$((skips + 1)) ;;
*) fail "SARIF schema: $schema" ;;
esac

# ---- 2. pre-commit -----------------------------------------------------------
if ! command -v pre-commit >/dev/null; then
	echo "SKIP: pre-commit is not installed (scripts/install-deps.sh installs it)"
	skips=$((skips + 1))
else
	export PRE_COMMIT_HOME=$tmp/pre-commit-home
	hooks=$tmp/hooks
	mkdir -p "$hooks"
	cp "$src/.pre-commit-hooks.yaml" "$hooks/"
	git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -qm hooks
	rev=$(git -C "$hooks" rev-parse HEAD)
	proj=$tmp/proj
	mkdir -p "$proj"
	git -C "$proj" init -q
	printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: bpfgen-check\n' "$hooks" "$rev" \
		>"$proj/.pre-commit-config.yaml"
	git -C "$proj" add .pre-commit-config.yaml && git -C "$proj" commit -qm config
	if (cd "$proj" && pre-commit install >"$tmp/pc.log" 2>&1); then
		printf '%s\n' "$good" >"$proj/good.bpf.c"
		git -C "$proj" add good.bpf.c
		if git -C "$proj" commit -qm good >"$tmp/pc.log" 2>&1; then
			pass "pre-commit: a correct file commits"
		else
			fail "pre-commit refused a correct file:"
			cat "$tmp/pc.log"
		fi
		printf '%s\n' "$bad" >"$proj/bad.bpf.c"
		git -C "$proj" add bad.bpf.c
		if ! git -C "$proj" commit -qm bad >"$tmp/pc.log" 2>&1 &&
		   grep -q "bad.bpf.c:$bad_line:.*\[ctx-type\]" "$tmp/pc.log"; then
			pass "pre-commit: a wrong file is refused with [ctx-type] at line $bad_line"
		else
			fail "pre-commit let a wrong file in, or said something else:"
			cat "$tmp/pc.log"
		fi
	else
		fail "pre-commit install:"
		cat "$tmp/pc.log"
	fi
fi
[ $fails -eq 0 ] || exit 1
[ $skips -eq 0 ] || exit 77
exit 0
