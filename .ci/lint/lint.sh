#!/usr/bin/env bash
# Lints every BPMN in processes/ with bpmnlint:recommended + camunda-compat rules for Camunda 7.24.
# Exits non-zero on any error; warnings are printed.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npx --no-install bpmnlint ../../processes/*.bpmn
echo "BPMN lint: no errors"
