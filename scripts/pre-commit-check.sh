#!/usr/bin/env bash
# Proves the hooks of .pre-commit-hooks.yaml work end to end: a throwaway git repository uses this checkout as its
# hook repository (at the current commit) and shows that
#   1. an unrelated package.json and CI YAML files are ignored (the hook passes),
#   2. a commit with a broken input fails and the output names the rule (a shell script, and a Markdown
#      `console` block),
#   3. the fixed inputs commit,
#   4. a .wmlint.yaml `exclude` is respected for files pre-commit passes by name.
#
# Usage: scripts/pre-commit-check.sh [HOOK…]      HOOK: wmlint-system (default: both), wmlint
# `wmlint` builds the package in release inside pre-commit's cache (minutes); `wmlint-system` uses the release
# binary built here, put on PATH. pre-commit comes from PATH, else from PyPI into a temporary virtualenv.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
hooks=("$@")
[ ${#hooks[@]} -gt 0 ] || hooks=(wmlint-system wmlint)

if ! git -C "$repo" diff --quiet HEAD -- .pre-commit-hooks.yaml 2>/dev/null; then
    echo "error: .pre-commit-hooks.yaml has uncommitted changes; pre-commit reads the committed revision" >&2
    exit 2
fi
rev=$(git -C "$repo" rev-parse HEAD)

work=$(mktemp -d "${TMPDIR:-/tmp}/wmlint-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT

if command -v pre-commit >/dev/null 2>&1; then
    pre_commit=$(command -v pre-commit)
else
    echo "== installing pre-commit from PyPI into a temporary virtualenv"
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet pre-commit
    pre_commit="$work/venv/bin/pre-commit"
fi
echo "== $("$pre_commit" --version)"

echo "== building wmlint (release) for the wmlint-system hook"
swift build -c release --product wmlint --package-path "$repo" 2>&1 | tail -n 1
PATH="$(swift build -c release --show-bin-path --package-path "$repo"):$PATH"
export PATH
# A private cache: the swift hook is built from the commit under test, never from an older clone.
export PRE_COMMIT_HOME="$work/cache"

failures=0
pass() { echo "PASS: $*"; }
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

org=m-0123456789abcdef0123456789abcdef
instance=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845
application=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058
script() { # $1: the PAT status to write
    printf '#!/bin/sh\naws workmail put-identity-provider-configuration \\\n  --organization-id %s \\\n  --authentication-mode IDENTITY_PROVIDER_ONLY \\\n  --identity-center-configuration InstanceArn=%s,ApplicationArn=%s \\\n  --personal-access-token-configuration Status=%s\n' \
        "$org" "$instance" "$application" "$1"
}

# Runs `git commit` (which runs the hook); prints its output indented; returns its status.
commit() {
    local status=0
    git commit --quiet -m "$1" >"$work/out" 2>&1 || status=$?
    sed 's/^/    | /' "$work/out"
    return $status
}

for hook in "${hooks[@]}"; do
    project="$work/project-$hook"
    echo
    echo "== hook $hook (repo: $repo, rev: $rev)"
    git init --quiet "$project"
    cd "$project"
    git config user.name wmlint
    git config user.email dev@wmlint.invalid
    git config commit.gpgsign false
    cat >.pre-commit-config.yaml <<CONFIG
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: $hook
CONFIG
    "$pre_commit" install >/dev/null

    echo "-- 1. unrelated package.json, .gitlab-ci.yml and .github/workflows/ci.yml"
    mkdir -p .github/workflows
    printf '{"name": "demo", "version": "1.0.0", "scripts": {"test": "jest"}}\n' >package.json
    printf 'test:\n  script: [npm test]\n' >.gitlab-ci.yml
    printf 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n' \
        >.github/workflows/ci.yml
    git add -A
    if commit "Add the project" && grep -q "Passed" "$work/out"; then
        pass "unrelated files commit; the hook ran and passed"
    else
        fail "unrelated files were not ignored"
    fi

    echo "-- 2. broken inputs: setup.sh (Status=Active), docs/setup.md (a console block, --authentication-mode IDP)"
    script Active >setup.sh
    chmod +x setup.sh
    mkdir -p docs
    printf '# Setup\n\n```console\n$ aws workmail put-identity-provider-configuration --organization-id %s \\\n>   --authentication-mode IDP \\\n>   --identity-center-configuration InstanceArn=%s,ApplicationArn=%s \\\n>   --personal-access-token-configuration Status=ACTIVE\n```\n' \
        "$org" "$instance" "$application" >docs/setup.md
    git add setup.sh docs/setup.md
    if commit "Add setup"; then
        fail "the broken inputs committed"
    elif grep -q "enum-value" "$work/out" && grep -q "docs/setup.md:5:" "$work/out"; then
        pass "the commit failed and the output names the rule (enum-value) in both files"
    else
        fail "the commit failed without naming the rule in both files"
    fi

    echo "-- 3. the fixed inputs (Status=ACTIVE, --authentication-mode IDENTITY_PROVIDER_ONLY)"
    script ACTIVE >setup.sh
    sed 's/ IDP / IDENTITY_PROVIDER_ONLY /' docs/setup.md >docs/setup.md.new && mv docs/setup.md.new docs/setup.md
    git add setup.sh docs/setup.md
    if commit "Add setup"; then
        pass "the fixed inputs commit"
    else
        fail "the fixed inputs did not commit"
    fi

    echo "-- 4. .wmlint.yaml exclude: [\"vendor/**\"], a broken vendor/setup.sh named by pre-commit"
    printf 'exclude: ["vendor/**"]\n' >.wmlint.yaml
    mkdir -p vendor
    script Active >vendor/setup.sh
    git add .wmlint.yaml vendor/setup.sh
    if commit "Vendor a script"; then
        pass "the excluded file was not checked"
    elif grep -q "vendor/setup.sh" "$work/out"; then
        if grep -qi "unknown key\|exclude" "$work/out"; then
            fail "the configuration was rejected"
        else
            echo "NOTE: exclude is not respected at $rev: this wmlint does not read .wmlint.yaml yet"
        fi
        git reset --quiet HEAD -- .wmlint.yaml vendor
    else
        fail "the commit failed for another reason"
    fi
    cd "$repo"
done

echo
if [ "$failures" -eq 0 ]; then
    echo "== all checks passed"
else
    echo "== $failures check(s) failed"
    exit 1
fi
