/**
 * How many bulk exports run at once. An export is seconds of CPU on a server with few cores:
 * a few run side by side, a few more wait their turn, and beyond that the client is told to
 * come back later (429 with Retry-After) instead of every export, and every search, slowing
 * down together.
 */
import { env } from '../env';

export interface ExportGateOptions {
  /** exports producing at the same time */
  active: number;
  /** exports waiting for a slot; one more is refused */
  queued: number;
  /** a waiting export gives up (and is refused) after this long */
  waitMs: number;
}

export type Release = () => void;

export class ExportGate {
  private running = 0;
  private readonly waiting: { grant: (r: Release) => void; timer: NodeJS.Timeout }[] = [];

  constructor(readonly opts: ExportGateOptions) {}

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** A slot (call the release when the export's body is done), or null: refuse with 429. */
  acquire(): Promise<Release | null> {
    if (this.running < this.opts.active) return Promise.resolve(this.grant());
    if (this.waiting.length >= this.opts.queued) return Promise.resolve(null);
    return new Promise((resolve) => {
      const entry = {
        grant: (r: Release) => resolve(r),
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve(null);
        }, this.opts.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private grant(): Release {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant(this.grant());
      }
    };
  }
}

const KEY = Symbol.for('nianbao.exportGate');
const slot = globalThis as typeof globalThis & { [KEY]?: ExportGate };

/**
 * The process-wide gate (on globalThis: Next bundles each route separately). Defaults (lib/env):
 * 2 at once (one per core of a small server), 6 waiting, 20 s of waiting at most.
 */
export function exportGate(): ExportGate {
  const e = env();
  return (slot[KEY] ??= new ExportGate({ active: e.EXPORT_ACTIVE, queued: e.EXPORT_QUEUE, waitMs: e.EXPORT_WAIT_MS }));
}

/** Seconds a refused client is told to wait. */
export const RETRY_AFTER_SECONDS = 10;
export const BUSY_MESSAGE = '导出请求过多，服务器正在处理其他导出，请稍后再试。';
