/**
 * npm run -s parse -- FILE...
 * One JSON line per file: the ReportRecord, or { file, error } for a file that cannot be read or
 * is not a report. Exits non-zero only when every file failed (or no file was given).
 */
import { processFile } from '../lib/indexer/pipeline';
import { isFailure } from '../lib/types';
import { runMain } from './run-main';

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  if (files.length === 0) {
    process.stderr.write('usage: npm run -s parse -- FILE...\n');
    return 2;
  }
  let failed = 0;
  for (const f of files) {
    const r = await processFile(f);
    if (isFailure(r)) failed++;
    process.stdout.write(JSON.stringify(r) + '\n');
  }
  return failed === files.length ? 1 : 0;
}

runMain(main, { prefix: 'parse: ' });
