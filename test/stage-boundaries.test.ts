/**
 * The layout's dependency rules, read from the import statements: the stages follow each other
 * (read → parse → themes, composed by the indexer) instead of calling one another; the engines
 * depend on the query contract and the shared folding module, never on a stage or on each
 * other; lib/ and the API routes stay free of components and of React/Next.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs)$/;
// Static imports and re-exports, dynamic import() and require(): the specifier in quotes.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return SOURCE.test(e.name) ? [p] : [];
  });
}

interface Import {
  spec: string;
  /** the target as a path relative to the repository root (no extension), or null for a package */
  target: string | null;
}

/** Every import of `text` (a file at `file`), with its target resolved against the repository. */
function importsOf(file: string, text: string): Import[] {
  return [...text.matchAll(SPECIFIER)].map((m) => {
    const spec = m[2];
    let abs: string | null = null;
    if (spec.startsWith('.')) abs = path.resolve(path.dirname(file), spec);
    else if (spec.startsWith('@/')) abs = path.join(ROOT, spec.slice(2));
    return { spec, target: abs === null ? null : path.relative(ROOT, abs).split(path.sep).join('/') };
  });
}

const under = (target: string | null, dir: string) => target !== null && (target === dir || target.startsWith(dir + '/'));
const base = (target: string) => target.slice(target.lastIndexOf('/') + 1);
const isSqlite = (p: string) => p.startsWith('lib/search/') && base(p).startsWith('sqlite');
const isMeili = (p: string) => p.startsWith('lib/search/') && base(p).startsWith('meili');
const isReactOrNext = (spec: string) => /^(react|react-dom|next)(\/|$)/.test(spec);

interface Rule {
  name: string;
  /** files the rule is about, relative to the root */
  applies: (file: string) => boolean;
  /** true when this import breaks the rule */
  forbidden: (imp: Import, file: string) => boolean;
}

const RULES: Rule[] = [
  {
    name: 'lib/parse imports neither the reader, the themes stage, the engines nor the indexer',
    applies: (f) => f.startsWith('lib/parse/'),
    forbidden: ({ target }) => ['lib/read', 'lib/themes', 'lib/search', 'lib/indexer'].some((d) => under(target, d)),
  },
  {
    name: 'lib/themes imports neither the reader, the parser, the engines nor the indexer',
    applies: (f) => f.startsWith('lib/themes/'),
    forbidden: ({ target }) => ['lib/read', 'lib/parse', 'lib/search', 'lib/indexer'].some((d) => under(target, d)),
  },
  {
    name: 'lib/search imports neither the reader, the parser nor the indexer',
    applies: (f) => f.startsWith('lib/search/'),
    forbidden: ({ target }) => ['lib/read', 'lib/parse', 'lib/indexer'].some((d) => under(target, d)),
  },
  {
    name: 'the SQLite adapter never imports the Meilisearch adapter, nor the other way round',
    applies: (f) => isSqlite(f) || isMeili(f),
    forbidden: ({ target }, f) => target !== null && (isSqlite(f) ? isMeili(target) : isSqlite(target)),
  },
  {
    name: 'lib/ and app/api/ never import components/',
    applies: (f) => f.startsWith('lib/') || f.startsWith('app/api/'),
    forbidden: ({ target }) => under(target, 'components'),
  },
  {
    name: 'lib/ never imports React or Next.js',
    applies: (f) => f.startsWith('lib/'),
    forbidden: ({ spec }) => isReactOrNext(spec),
  },
];

function violations(files: { file: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    for (const rule of RULES) {
      if (!rule.applies(rel)) continue;
      for (const imp of importsOf(file, text)) if (rule.forbidden(imp, rel)) out.push(`${rel} → ${imp.spec} (${rule.name})`);
    }
  }
  return out;
}

describe('stage and adapter boundaries', () => {
  it('catches each kind of forbidden import (the layout before the stages were separated)', () => {
    const at = (rel: string, ...lines: string[]) => ({ file: path.join(ROOT, rel), text: lines.join('\n') });
    const found = violations([
      at('lib/parse/index.ts', "import { readReportFile } from '../read/index';", "import { tagThemes } from '../themes/index';", "import { agencyLevel } from '../region/index';"),
      at('lib/parse/fold.ts', "import { simplifiedChar } from '../read/normalize';"),
      at('lib/search/fts-query.ts', "import { simplifiedChar } from '../read/normalize';", "import { fold } from '../fold';"),
      at('lib/search/meili-map.ts', "import { makeSnippet } from './sqlite-snippet';", "import { facetFields } from './query';"),
      at('lib/search/sqlite.ts', "const m = await import('./meilisearch');"),
      at('lib/themes/index.ts', "import { toSections } from '@/lib/parse/sections';"),
      at('app/api/search/facet/route.ts', "import { facetItems } from '@/components/facet-items';"),
      at('app/page.tsx', "import { FacetPanel } from '@/components/FacetPanel';"),
      at('lib/queries/report.ts', "import { cache } from 'react';", "import { notFound } from 'next/navigation';"),
    ]);
    expect(found.map((v) => v.slice(0, v.indexOf(' ('))).sort()).toEqual(
      [
        'app/api/search/facet/route.ts → @/components/facet-items',
        'lib/parse/fold.ts → ../read/normalize',
        'lib/parse/index.ts → ../read/index',
        'lib/parse/index.ts → ../themes/index',
        'lib/queries/report.ts → next/navigation',
        'lib/queries/report.ts → react',
        'lib/search/fts-query.ts → ../read/normalize',
        'lib/search/meili-map.ts → ./sqlite-snippet',
        'lib/search/sqlite.ts → ./meilisearch',
        'lib/themes/index.ts → @/lib/parse/sections',
      ].sort(),
    );
  });

  it('no file in lib/ or app/api/ breaks a rule', () => {
    const files = [...sourceFiles(path.join(ROOT, 'lib')), ...sourceFiles(path.join(ROOT, 'app', 'api'))].map((file) => ({
      file,
      text: fs.readFileSync(file, 'utf8'),
    }));
    // the rules must have something to look at: each stage's folder is present
    for (const d of ['read', 'parse', 'themes', 'search', 'indexer']) expect(files.some((f) => f.file.includes(`${path.sep}lib${path.sep}${d}${path.sep}`)), `lib/${d}`).toBe(true);
    expect(files.some((f) => f.file.includes(`${path.sep}app${path.sep}api${path.sep}`))).toBe(true);
    expect(violations(files)).toEqual([]);
  });

  it('the indexer composes the stages', () => {
    const text = fs.readFileSync(path.join(ROOT, 'lib', 'indexer', 'pipeline.ts'), 'utf8');
    const targets = importsOf(path.join(ROOT, 'lib', 'indexer', 'pipeline.ts'), text).map((i) => i.target);
    for (const stage of ['lib/read', 'lib/parse', 'lib/themes']) expect(targets.some((t) => under(t, stage)), stage).toBe(true);
  });
});
