/**
 * Writes the reader fixtures to disk for inspection (tests build their own in a temp dir):
 *   node --import tsx scripts/make-fixtures.ts [outDir=test/fixtures/bad/out]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { buildBadCorpus } from '../test/fixtures/bad/build';
import { fixtureText, toDocx, toHtml, toPdf } from '../test/fixtures/read/build';

const out = path.resolve(process.argv[2] ?? 'test/fixtures/bad/out');
await buildBadCorpus(path.join(out, 'bad'));
const good = path.join(out, 'good');
mkdirSync(good, { recursive: true });
const t = fixtureText();
writeFileSync(path.join(good, 'report-gbk.txt'), iconv.encode(t, 'gbk'));
writeFileSync(path.join(good, 'report-utf16.txt'), iconv.encode(t, 'utf-16le', { addBOM: true }));
writeFileSync(path.join(good, 'report.html'), toHtml(t));
writeFileSync(path.join(good, 'report.docx'), await toDocx(t));
writeFileSync(path.join(good, 'report.pdf'), await toPdf(t));
writeFileSync(path.join(good, 'report.pdf.json'), JSON.stringify({ sourceUrl: 'https://example.gov.cn/report.pdf', capturedAt: '2025-03-01T08:00:00Z' }));
console.log(`fixtures written to ${out}`);
