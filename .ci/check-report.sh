#!/usr/bin/env bash
# The report's browser check: renders the cohort report for the Laurence Jackson sample in headless
# Chromium (Debian's chromium package, driven by playwright-core), sorts the cohort table, takes a
# screenshot (artifacts/report.png) and fails on any console error, page error or failed check.
# Run from anywhere after a Release build (dotnet build Attendance.Rules.sln -c Release).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
chromium=/usr/bin/chromium

if [ ! -x "$chromium" ]; then
  echo "check-report: installing chromium"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi
command -v node >/dev/null || { echo "check-report: node is not on PATH" >&2; exit 1; }
command -v npm >/dev/null || { echo "check-report: npm is not on PATH" >&2; exit 1; }

mkdir -p artifacts/browser
if [ ! -f artifacts/browser/node_modules/playwright-core/package.json ]; then
  echo "check-report: installing playwright-core (no browsers are downloaded)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund --prefix artifacts/browser playwright-core@1
fi

echo "== the cohort report"
rm -f artifacts/report.html artifacts/report.png
dotnet run -c Release --no-build --project src/Attendance.Rules.Cli -- report \
  --policy policies/laurence-jackson.yaml \
  --marks samples/data/laurence-jackson.csv \
  --pupils samples/data/laurence-jackson-pupils.csv \
  --out artifacts/report.html
[ -s artifacts/report.html ] || { echo "check-report: no artifacts/report.html was written" >&2; exit 1; }

echo "== the report in headless Chromium"
node .ci/check-report.mjs artifacts/report.html artifacts/report.png
