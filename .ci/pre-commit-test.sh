#!/usr/bin/env bash
# Runs this repository's pre-commit hooks for real, with pre-commit itself, against a scratch git
# repository: the hook fails on a bad trust policy and names the finding, passes on a good one,
# skips files that are no policy, and honours args (--fail-on, --baseline). pre-commit clones the
# committed HEAD of this repository (try-repo adds uncommitted changes to tracked files), and the
# `assumeguard` hook builds the CLI with Maven in that clone on first use, as it does for users.
# Needs git, pre-commit, Java 17+ and Maven; no network beyond what Maven has already resolved.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit-test: pre-commit is not installed" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/assumeguard-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"   # a fresh store: the hook repository is cloned and built anew
export PRE_COMMIT_COLOR=never
export NO_COLOR=1
export GIT_CONFIG_GLOBAL="$work/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.email "ci@example.invalid"
git config --global user.name "pre-commit test"
git config --global init.defaultBranch main

passed=0
failed=0
output=""
status=0

# run CMD...: runs a command in the scratch repository, keeping its output and exit status.
run() {
  status=0
  output=$("$@" 2>&1) || status=$?
}

# check NAME WANT_STATUS [PATTERN...]: the last run exited WANT_STATUS and printed every PATTERN
# (fixed strings); a PATTERN starting with '!' must not appear.
check() {
  local name=$1 want=$2 ok=1 p
  shift 2
  if [ "$status" -ne "$want" ]; then
    echo "  expected exit status $want, got $status" >&2
    ok=0
  fi
  for p in "$@"; do
    if [ "${p:0:1}" = "!" ]; then
      if grep -qF -- "${p:1}" <<<"$output"; then echo "  unexpected: ${p:1}" >&2; ok=0; fi
    elif ! grep -qF -- "$p" <<<"$output"; then
      echo "  missing: $p" >&2
      ok=0
    fi
  done
  if [ "$ok" = 1 ]; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name; its output:" >&2
    sed 's/^/  | /' <<<"$output" >&2
    failed=$((failed + 1))
  fi
}

project="$work/project"
mkdir -p "$project/roles"
cd "$project"
git init -q .

cat > .assumeguard.yml <<'YAML'
trustedAccounts: ["111122223333"]
YAML
cat > roles/open-trust.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": "sts:AssumeRole"
    }
  ]
}
JSON
cat > roles/lambda-trust.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Service": "lambda.amazonaws.com"},
      "Action": "sts:AssumeRole"
    }
  ]
}
JSON
cat > roles/open.tf <<'HCL'
resource "aws_iam_role" "open" {
  name = "open"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }]
  })
}
HCL
printf 'variable "region" {\n  default = "eu-west-1"\n}\n' > variables.tf
# Files any repository has: no policies, one not even valid JSON, one YAML with custom tags.
printf '{"name": "web", "version": "1.0.0"}\n' > package.json
printf '{\n  "compilerOptions": {"strict": true,},\n}\n' > tsconfig.json
printf 'build:\n  script: !reference [.setup, script]\n' > .gitlab-ci.yml
git add -A

bad="roles/open-trust.json:6:20: error AG101 Principal \"*\" lets any AWS account assume the role"

# ---- pre-commit try-repo: the hook as a user tries it before adding it to their config ---------

run pre-commit try-repo "$root" assumeguard --files roles/open-trust.json roles/lambda-trust.json
check "try-repo assumeguard fails on a bad trust policy and names the finding" 1 \
  "assumeguard (IAM trust policies)" "Failed" "$bad" "1 error in 2 files"

run pre-commit try-repo "$root" assumeguard --files roles/lambda-trust.json package.json tsconfig.json .gitlab-ci.yml
check "try-repo assumeguard passes on a good policy and skips files that are no policy" 0 \
  "assumeguard (IAM trust policies)" "Passed" "!error"

run pre-commit try-repo "$root" assumeguard --verbose --files roles/lambda-trust.json package.json tsconfig.json
check "the hook sees every staged file in one run and skips the unknown ones silently" 0 \
  "No findings in 1 file (2 files skipped)."

run pre-commit try-repo "$root" assumeguard --files roles/open.tf variables.tf
check "try-repo assumeguard fails on a Terraform role open to everyone, before any plan exists" 1 \
  "Failed" "roles/open.tf:5:" "error AG101" "[resource: aws_iam_role.open]"

# ---- assumeguard-system: the command on PATH (here this repository's launcher) ---------------

mkdir -p "$work/bin"
ln -s "$root/assumeguard" "$work/bin/assumeguard"
run env PATH="$work/bin:$PATH" pre-commit try-repo "$root" assumeguard-system --files roles/open-trust.json
check "try-repo assumeguard-system fails on the bad policy" 1 "Failed" "$bad"

run env PATH="$work/bin:$PATH" pre-commit try-repo "$root" assumeguard-system --files roles/lambda-trust.json
check "try-repo assumeguard-system passes on the good policy" 0 "Passed"

# ---- a .pre-commit-config.yaml as in the README, with args ----------------------------------

rev=$(git -C "$root" rev-parse HEAD)
write_config() {
  cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: assumeguard
        args: [$1]
YAML
  git add .pre-commit-config.yaml
}

write_config "--fail-on, none"
run pre-commit run --files roles/open-trust.json
check "args --fail-on none: the finding is shown but does not fail" 0 "Passed"

# Baseline: accept today's finding, then move it down (lines inserted above): still passes.
"$root/assumeguard" --format sarif --output assumeguard-baseline.sarif roles/open-trust.json >/dev/null || true
test -s assumeguard-baseline.sarif
write_config "--baseline, assumeguard-baseline.sarif"
cat > roles/open-trust.json <<'JSON'
{
  "Version": "2012-10-17",
  "Id": "legacy-open-role",

  "Statement": [
    {
      "Sid": "Legacy",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "sts:AssumeRole"
    }
  ]
}
JSON
git add -A
run pre-commit run --verbose --files roles/open-trust.json
check "args --baseline: a finding already in the baseline passes even after it moved" 0 \
  "Passed" "roles/open-trust.json:9:20: error AG101" "[unchanged]" "No new findings in 1 file (1 unchanged in baseline)."

# A genuinely new finding in the same file fails the commit.
cat > roles/open-trust.json <<'JSON'
{
  "Version": "2012-10-17",
  "Id": "legacy-open-role",

  "Statement": [
    {
      "Sid": "Legacy",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "sts:AssumeRole"
    },
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::999988887777:role/partner"},
      "Action": "sts:AssumeRole"
    }
  ]
}
JSON
git add -A
run pre-commit run --files roles/open-trust.json
check "args --baseline: a new finding fails the commit" 1 "Failed" \
  "roles/open-trust.json:14:28: error AG106" "(1 unchanged in baseline)"

echo
echo "pre-commit hooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
