/**
 * What `npm test` needs beyond node_modules, checked before any test runs (scripts/test-all.sh):
 *   - Chromium for Playwright (CHROMIUM_PATH, default Debian's /usr/bin/chromium);
 *   - a CJK font file: the PDF fixtures embed it and the browser renders Chinese with it
 *     (CJK_FONT_PATH, default Debian's fonts-wqy-microhei).
 * When something is missing it installs the Debian packages (apt-get update, then install) if it
 * can (root or passwordless sudo, apt-get present, NIANBAO_NO_INSTALL unset); otherwise it prints
 * ONE line naming what to install and exits 2, so a missing browser is one clear message rather
 * than every browser test failing.
 * The paths live here only: playwright.config.ts and the fixtures import them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const DEFAULT_CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** Exit status when a prerequisite is missing and cannot be installed. */
export const MISSING_EXIT = 2;

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

export function cjkFontPath(): string {
  return process.env.CJK_FONT_PATH || DEFAULT_CJK_FONT_PATH;
}

export interface Missing {
  /** the Debian package that provides it */
  pkg: string;
  what: string;
  path: string;
  /** the environment variable that points elsewhere */
  envVar: string;
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function findMissing(): Missing[] {
  const out: Missing[] = [];
  if (!isExecutable(chromiumPath())) out.push({ pkg: 'chromium', what: 'Chromium', path: chromiumPath(), envVar: 'CHROMIUM_PATH' });
  if (!isFile(cjkFontPath())) out.push({ pkg: 'fonts-wqy-microhei', what: 'CJK font', path: cjkFontPath(), envVar: 'CJK_FONT_PATH' });
  return out;
}

/** The one line printed when something is missing and was not installed. */
export function missingMessage(missing: Missing[]): string {
  const pkgs = missing.map((m) => m.pkg).join(' ');
  const found = missing.map((m) => `no ${m.what} at ${m.path}`).join(', ');
  const vars = missing.map((m) => m.envVar).join(' / ');
  return `npm test needs ${pkgs} (${found}): run \`sudo apt-get install ${pkgs}\` (Debian) or set ${vars} to an existing file, then npm test again`;
}

function sh(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

/** `sudo` prefix to use, '' as root, or null when packages cannot be installed from here. */
function installer(): string | null {
  if (process.env.NIANBAO_NO_INSTALL) return null;
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  if (process.getuid?.() === 0) return '';
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : null;
}

function install(prefix: string, pkgs: string[]): boolean {
  const run = (args: string[]) => (prefix ? sh(prefix, ['-E', 'apt-get', ...args]) : sh('apt-get', args));
  console.error(`[prerequisites] installing ${pkgs.join(' ')} (apt-get update, then apt-get install)`);
  return run(['update']) && run(['install', '-y', '--no-install-recommends', ...pkgs]);
}

export function main(): number {
  let missing = findMissing();
  if (!missing.length) return 0;
  const prefix = installer();
  if (prefix !== null) {
    install(prefix, [...new Set(missing.map((m) => m.pkg))]);
    missing = findMissing();
    if (!missing.length) return 0;
  }
  console.error(missingMessage(missing));
  return MISSING_EXIT;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
