/**
 * Versions met during one index run: the same record id in files with different bytes. Which
 * one is canonical follows lib/versions.ts: the more complete file wins; between files as
 * complete, the newer one (the sidecar's capturedAt when the file has one, else the file's mtime:
 * a re-download without a sidecar is newer on disk); on a full tie the file later in walk order.
 * Holds one small entry per id seen (no record text).
 */
import { stat } from 'node:fs/promises';
import { compareCompleteness, type Completeness } from '../versions';

export interface VersionMeta {
  /** relative to the corpus folder (as stored in the record) */
  file: string;
  abs: string;
  sha256: string;
  capturedAt?: string;
  completeness: Completeness;
  /** ms since epoch, computed on first comparison */
  time?: number;
}

type Entry = VersionMeta & { canonical: boolean };

export class VersionTracker {
  private byId = new Map<string, Entry[]>();

  get(id: string): readonly Entry[] | undefined {
    return this.byId.get(id);
  }

  add(id: string, meta: VersionMeta, canonical: boolean): void {
    const list = this.byId.get(id) ?? [];
    if (canonical) for (const e of list) e.canonical = false;
    list.push({ ...meta, canonical });
    this.byId.set(id, list);
  }

  async canonical(id: string): Promise<Entry> {
    return this.byId.get(id)!.find((e) => e.canonical)!;
  }

  /** > 0 when `a` should be canonical rather than `b`: more complete, or as complete and newer (or as new: `a`, met later, wins). */
  async compare(a: VersionMeta, b: VersionMeta): Promise<number> {
    // both timed even when completeness decides: repeated() lists versions newest first
    const d = (await timeOf(a)) - (await timeOf(b));
    const c = compareCompleteness(a.completeness, b.completeness);
    if (c !== 0) return c;
    return d === 0 ? 1 : d;
  }

  /** ids met in more than one version, each with its versions canonical first, then newest first. */
  *repeated(): Iterable<[string, Entry[]]> {
    for (const [id, list] of this.byId) {
      if (list.length < 2) continue;
      // every entry of a repeated id was timed when it was compared
      yield [id, [...list].sort((x, y) => Number(y.canonical) - Number(x.canonical) || (y.time ?? 0) - (x.time ?? 0))];
    }
  }
}

async function timeOf(m: VersionMeta): Promise<number> {
  if (m.time !== undefined) return m.time;
  const captured = m.capturedAt ? Date.parse(m.capturedAt) : NaN;
  m.time = Number.isNaN(captured) ? await stat(m.abs).then((s) => s.mtimeMs, () => 0) : captured;
  return m.time;
}
