/**
 * npm run index -- [DIR]
 * Parses every report under DIR (default REPORTS_DIR) and atomically rebuilds the search index in
 * DATA_DIR. Exit 0 when at least one report was indexed; 1 when none (the live index untouched).
 */
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../lib/env';
import { createEngine } from '../lib/search/index';
import { indexDirectory } from '../lib/indexer/run';
import { makeReporter } from '../lib/indexer/progress';
import { runMain } from './run-main';

async function main(): Promise<number> {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const dir = arg ?? env().REPORTS_DIR;
  if (!dir) {
    console.error('usage: npm run index -- DIR   (or set REPORTS_DIR in .env)');
    return 1;
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`✗ ${dir}: not a folder`);
    return 1;
  }
  const engine = createEngine();
  const out = makeReporter(process.stderr);
  console.error(`Indexing ${path.resolve(dir)} into ${engine.name === 'sqlite' ? env().dataDir : engine.name} …`);
  try {
    const status = await indexDirectory({
      dir,
      engine,
      onProgress: out.progress,
      onFailure: out.failure,
    });
    out.summary(status);
    for (const a of status.aborted ?? []) {
      console.error(`! removed ${a.files.join(', ')} (${(a.bytes / 1e6).toFixed(1)} MB): left by index run ${a.pid}, which was killed before it finished (last write ${a.lastWriteAt})`);
    }
    return status.swapped && status.indexed > 0 ? 0 : 1;
  } finally {
    await engine.close();
  }
}

runMain(main);
