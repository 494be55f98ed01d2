/**
 * `npm test`'s first step (scripts/test-prerequisites.ts), run as npm test runs it, with the
 * browser or font path pointing at a missing file and installing disabled.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CJK_FONT_PATH, MISSING_EXIT } from '../scripts/test-prerequisites';

const ROOT = path.resolve(__dirname, '..');

function check(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-prerequisites.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_NO_INSTALL: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('test prerequisites', () => {
  it('a missing browser stops with one line naming the package and exit status 2', () => {
    const r = check({ CHROMIUM_PATH: '/nonexistent/chromium', CJK_FONT_PATH: DEFAULT_CJK_FONT_PATH });
    expect(r.status).toBe(MISSING_EXIT);
    expect(MISSING_EXIT).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'npm test needs chromium (no Chromium at /nonexistent/chromium): run `sudo apt-get install chromium` (Debian) or set CHROMIUM_PATH to an existing file, then npm test again',
    ]);
  });

  it('a missing browser and font name both packages in the one line', () => {
    const r = check({ CHROMIUM_PATH: '/nonexistent/chromium', CJK_FONT_PATH: '/nonexistent/font.ttc' });
    expect(r.status).toBe(MISSING_EXIT);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('sudo apt-get install chromium fonts-wqy-microhei');
    expect(lines[0]).toContain('no CJK font at /nonexistent/font.ttc');
  });

  it('passes silently when both are present (this machine: the browser tests need them)', () => {
    const r = check({});
    expect(r.stderr, 'install chromium and fonts-wqy-microhei to run the browser tests').toBe('');
    expect(r.status).toBe(0);
  });
});
