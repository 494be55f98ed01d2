#!/usr/bin/env bash
# npm test: every vitest test, then every Playwright test, then ONE summary line summed over both:
#   tests: N passed, N failed, N skipped
# Exit status is non-zero if any test failed or a runner crashed before reporting.
set -uo pipefail
cd "$(dirname "$0")/.."

# Chromium and the CJK font first: installed when possible, else one message and stop.
node --import tsx scripts/test-prerequisites.ts || exit $?
OUT=test-results
mkdir -p "$OUT"
rm -f "$OUT/vitest.json" "$OUT/playwright.json"

echo "== vitest =="
npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest.json"
vitest_rc=$?

echo "== playwright =="
PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" npx playwright test --reporter=list,json
playwright_rc=$?

node --input-type=module - "$OUT/vitest.json" "$OUT/playwright.json" "$vitest_rc" "$playwright_rc" <<'NODE'
import fs from 'node:fs';
const [vFile, pFile, vRc, pRc] = process.argv.slice(2);
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch { return null; } };
let passed = 0, failed = 0, skipped = 0;
const v = read(vFile);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A file that fails without a failed test is a failure too: it did not load (syntax error,
  // missing module: +1), or a beforeAll threw (a missing fixture font …) and vitest reports the
  // tests it never ran as skipped: they count as failed, never as skipped.
  for (const r of v.testResults ?? []) {
    const as = r.assertionResults ?? [];
    if (r.status !== 'failed' || as.some((a) => a.status === 'failed')) continue;
    const notRun = as.filter((a) => a.status === 'skipped' || a.status === 'pending').length;
    failed += Math.max(1, notRun);
    skipped -= notRun;
  }
} else if (vRc !== '0') { failed += 1; console.error('vitest crashed before writing its report'); }
const p = read(pFile);
if (p?.stats) {
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
  if ((p.errors ?? []).length && !p.stats.unexpected) { failed += 1; console.error('playwright reported errors outside tests (e.g. the web server failed to start)'); }
} else if (pRc !== '0') { failed += 1; console.error('playwright crashed before writing its report'); }
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || vRc !== '0' || pRc !== '0' ? 1 : 0);
NODE
