/**
 * npm run -s score -- DIR [--verbose] [--json] [--no-url]
 * Parses every file of a labelled folder (files + labels.json) and prints one line: agency, year,
 * region and cell scores, wrong non-null values, garbage names. --verbose adds one line per file
 * with a mismatch; --json prints { summary, files } instead; --no-url ignores the labels' url.
 * Rules: docs/scoring.md.
 */
import { formatMismatches, formatSummary, scoreFolder } from '../tools/score/index';
import { runMain } from './run-main';

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: npm run -s score -- DIR [--verbose] [--json] [--no-url]\n');
    return 2;
  }
  const res = await scoreFolder(dir, { useUrl: !args.includes('--no-url') });
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(res, null, 1) + '\n');
    return 0;
  }
  if (args.includes('--verbose')) for (const l of formatMismatches(res.files)) process.stdout.write(l + '\n');
  process.stdout.write(formatSummary(res.summary) + '\n');
  return 0;
}

runMain(main, { prefix: 'score: ' });
