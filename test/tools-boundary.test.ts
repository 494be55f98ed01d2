/**
 * Runtime code (lib/, app/, components/ and the root files Next.js loads) never imports tools/:
 * the benchmark, corpus generator and hostile-input generators are development tooling, reached
 * only from scripts/, test/ and e2e/. A runtime import would ship them with the site and make
 * the build depend on files the build inputs do not track.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const TOOLS = path.join(ROOT, 'tools');
const RUNTIME_DIRS = ['lib', 'app', 'components'];
const RUNTIME_FILES = ['proxy.ts', 'instrumentation.ts', 'next.config.js'];
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs)$/;
// Static imports and re-exports, dynamic import() and require(): the specifier in quotes.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return SOURCE.test(e.name) ? [p] : [];
  });
}

/** The specifiers of `text` that resolve into tools/, as written. */
function toolImports(file: string, text: string): string[] {
  const hits: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[2];
    let target: string | null = null;
    if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec);
    else if (spec.startsWith('@/')) target = path.join(ROOT, spec.slice(2));
    if (target && (target === TOOLS || target.startsWith(TOOLS + path.sep))) hits.push(spec);
  }
  return hits;
}

describe('runtime code does not depend on tools/', () => {
  it('recognises relative, alias, dynamic and require imports of tools/', () => {
    const file = path.join(ROOT, 'lib', 'search', 'x.ts');
    const text = [
      "import { a } from '../../tools/corpus/generate';",
      "import '@/tools/bench/run';",
      "const m = await import('../../tools/hostile/report');",
      "const r = require('../../tools/score');",
      "import { b } from '../types';",
      "import c from 'tools';",
    ].join('\n');
    expect(toolImports(file, text)).toEqual([
      '../../tools/corpus/generate',
      '@/tools/bench/run',
      '../../tools/hostile/report',
      '../../tools/score',
    ]);
  });

  it('no file under lib/, app/, components/ or the root runtime files imports tools/', () => {
    const files = [
      ...RUNTIME_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))),
      ...RUNTIME_FILES.map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f)),
    ];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((f) =>
      toolImports(f, fs.readFileSync(f, 'utf8')).map((spec) => `${path.relative(ROOT, f)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the tooling is no longer in lib/', () => {
    for (const d of ['bench', 'corpus', 'hostile']) {
      expect(fs.existsSync(path.join(ROOT, 'lib', d)), `lib/${d}`).toBe(false);
      expect(fs.existsSync(path.join(TOOLS, d)), `tools/${d}`).toBe(true);
    }
  });
});
