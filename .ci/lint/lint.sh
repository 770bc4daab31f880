#!/usr/bin/env bash
# Lints every BPMN in processes/ with bpmnlint:recommended + camunda-compat rules for Camunda 7.24.
# Exits non-zero on any error; warnings are printed. Run by ./mvnw (exec-maven-plugin, before the tests) and so by CI.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "BPMN lint: Node.js and npm are needed (Debian: apt-get install nodejs npm)." >&2
  echo "BPMN lint: to build without the lint, pass -Dbpmnlint.skip=true (CI never does)." >&2
  exit 1
fi
# --prefer-offline: the packages come from npm's cache when they are in it, so a build without network still lints.
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
npx --no-install bpmnlint ../../processes/*.bpmn
echo "BPMN lint: no errors"
