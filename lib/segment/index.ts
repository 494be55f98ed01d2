/**
 * Chinese word segmentation (nodejieba) with our own government-information dictionary.
 * Engines index `segmentForIndex` output next to the original text; pages never show it.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

type Jieba = {
  load(opts: { userDict?: string }): unknown;
  cutForSearch(text: string, hmm?: boolean): string[];
  cut(text: string, hmm?: boolean): string[];
};

const here = path.dirname(fileURLToPath(import.meta.url));
/** The one data file holding the dictionary (also read by the Meilisearch engine). */
export const USER_DICT_PATH = path.join(here, 'userdict.txt');

let jieba: Jieba | null = null;
let terms: string[] | null = null;

function dictPathForJieba(): string {
  // cppjieba does not understand '#' comments: give it a cleaned copy once per process.
  const clean = path.join(fs.realpathSync(process.env.TMPDIR || '/tmp'), `nianbao-userdict-${process.pid}.txt`);
  const lines = fs
    .readFileSync(USER_DICT_PATH, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  fs.writeFileSync(clean, lines.join('\n') + '\n');
  return clean;
}

function getJieba(): Jieba {
  if (jieba) return jieba;
  const j = require('nodejieba') as Jieba;
  // load() must run once, before the first cut, or jieba silently uses only its defaults.
  const p = dictPathForJieba();
  j.load({ userDict: p });
  fs.rmSync(p, { force: true });
  jieba = j;
  return j;
}

/** The dictionary's terms, for engines with their own tokenizer settings (Meilisearch `dictionary`). */
export function userTerms(): string[] {
  if (terms) return terms;
  terms = fs
    .readFileSync(USER_DICT_PATH, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(/\s+/)[0]);
  return terms;
}

/** A token worth indexing: contains at least one letter or digit (drops punctuation, spaces). */
const WORDY = /[\p{L}\p{N}]/u;

/**
 * jieba cutForSearch tokens joined by single spaces: long words plus the shorter words inside
 * them (时效性 → 时效 时效性), so a 2–4 character query finds the longer word.
 */
export function segmentForIndex(text: string): string {
  if (!text) return '';
  return getJieba()
    .cutForSearch(text, true)
    .filter((t) => WORDY.test(t))
    .map((t) => t.trim())
    .filter(Boolean)
    .join(' ');
}

/** Query words: jieba's search cut of each whitespace-separated part, punctuation dropped, unique. */
export function segmentQuery(q: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of q.split(/\s+/)) {
    if (!part) continue;
    for (const t of getJieba().cut(part, true)) {
      const tok = t.trim();
      if (!tok || !WORDY.test(tok) || seen.has(tok)) continue;
      seen.add(tok);
      out.push(tok);
    }
  }
  return out;
}
