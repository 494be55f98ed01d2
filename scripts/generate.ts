/**
 * npm run generate -- --out DIR --reports N [--seed S] [--years 2020-2024] [--truth FILE.jsonl] [--pages SHARE] [--old-formats SHARE]
 * Writes a deterministic demo corpus of N reports (one agency per |years| reports); --pages 0.3
 * dresses that share of them as real web pages (breadcrumbs, crawler headers, lost titles);
 * --old-formats 0.15 writes that share in the older national formats (2019-format reports for
 * 2019–2020, legacy reports ten years back for later years). Both default to 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_YEARS, generateReports } from '../tools/corpus/generate';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      reports: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string' },
      truth: { type: 'string' },
      pages: { type: 'string', default: '0' },
      'old-formats': { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const usage = 'usage: npm run generate -- --out DIR --reports N [--seed S] [--years 2020-2024] [--truth FILE.jsonl] [--pages SHARE] [--old-formats SHARE]';
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const n = Number(values.reports);
  const pageShapes = Number(values.pages);
  const oldFormats = Number(values['old-formats']);
  const share = (x: number) => x >= 0 && x <= 1;
  if (!values.out || !Number.isInteger(n) || n < 1 || !share(pageShapes) || !share(oldFormats)) {
    console.error(usage);
    return 2;
  }
  let years = DEFAULT_YEARS;
  if (values.years) {
    const m = /^(\d{4})(?:-(\d{4}))?$/.exec(values.years);
    if (!m) {
      console.error(`--years must look like 2020-2024 or 2023, got ${values.years}`);
      return 2;
    }
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    years = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
  }
  const out = path.resolve(values.out);
  const truth = values.truth ? fs.openSync(path.resolve(values.truth), 'w') : null;
  const dirs = new Set<string>();
  const t0 = Date.now();
  let written = 0;
  for (const r of generateReports({ seed: values.seed!, agencies: Math.ceil(n / years.length), years, limit: n, pageShapes, oldFormats })) {
    const file = path.join(out, r.name);
    const dir = path.dirname(file);
    if (!dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    fs.writeFileSync(file, r.text);
    if (truth) fs.writeSync(truth, JSON.stringify({ file: r.name, ...r.truth }) + '\n');
    written++;
  }
  if (truth) fs.closeSync(truth);
  const s = (Date.now() - t0) / 1000;
  console.error(`wrote ${written} reports to ${out} in ${s.toFixed(1)} s (${Math.round(written / Math.max(s, 0.001))}/s)`);
  return 0;
}

process.exitCode = await main();
