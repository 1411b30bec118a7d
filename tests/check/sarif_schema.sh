#!/usr/bin/env bash
# sarif_schema.sh DIR: fetches the SARIF 2.1.0 schema (the OASIS schema as
# @microsoft/jest-sarif ships it) with npm into DIR and prints its path.
# Exit: 0, 1 when the package has no schema, 77 when npm, python3-jsonschema
# or the fetch is missing (the reason on stdout, for the caller's SKIP).
set -u
dir=${1:?usage: sarif_schema.sh DIR}
command -v npm > /dev/null || { echo "npm is not installed (scripts/install-deps.sh installs it)"; exit 77; }
python3 -c 'import jsonschema' 2> /dev/null || { echo "python3-jsonschema is not installed"; exit 77; }
if ! (cd "$dir" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 > pack.log 2>&1); then
	echo "cannot fetch the SARIF schema with npm:"; cat "$dir/pack.log"; exit 77
fi
tar xzf "$dir"/microsoft-jest-sarif-*.tgz -C "$dir"
schema=$(find "$dir/package" -name 'sarif-2.1.0*.json' | head -1)
[ -n "$schema" ] || { echo "no SARIF schema in the package"; exit 1; }
echo "$schema"
