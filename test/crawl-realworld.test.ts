/**
 * The crawler's wording rules on real reports (read from ../shared, never copied here): every
 * seed and every complete real-world report is recognised as a report page from its text, and
 * each real title, as a list page would show it, is a report link naming the labelled year.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeReport, reportLinkYear } from '../lib/crawl/classify';

const shared = path.resolve(__dirname, '..', '../shared');
const labels = JSON.parse(fs.readFileSync(path.join(shared, 'realworld/labels.json'), 'utf8')) as { file: string; year: number }[];
// 001–009 are whole pages; the rest are 2,000-byte excerpts (too short to carry the parts)
const complete = labels.filter((l) => /^00\d\.txt$/.test(l.file));

describe('real reports', () => {
  it('has the files it needs', () => {
    expect(fs.readdirSync(path.join(shared, 'seeds')).filter((f) => f.endsWith('.txt')).length).toBeGreaterThanOrEqual(5);
    expect(complete).toHaveLength(9);
  });

  it('every seed and complete report page looks like a report', () => {
    const files = [
      ...fs.readdirSync(path.join(shared, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => path.join(shared, 'seeds', f)),
      ...complete.map((l) => path.join(shared, 'realworld', l.file)),
    ];
    for (const f of files) expect(looksLikeReport(fs.readFileSync(f, 'utf8')), f).toBe(true);
  });

  it('each real title is a report link with its statistical year', () => {
    for (const l of complete) {
      const title = /^标题: (.*)$/m.exec(fs.readFileSync(path.join(shared, 'realworld', l.file), 'utf8'))![1];
      expect(reportLinkYear({ url: 'https://example.gov.cn/t1.htm', text: title, title: '' }), title).toBe(l.year);
    }
  });
});
