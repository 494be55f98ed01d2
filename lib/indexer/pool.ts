/**
 * Parsing in worker threads: parsing is CPU-bound and single-threaded, while the main thread
 * writes the index. Results come back in any order; the caller keeps file order. A worker that
 * cannot start or dies hands its files back to in-thread parsing, so indexing never depends on
 * threads working.
 */
import { Worker } from 'node:worker_threads';
import { processFile } from './pipeline';
import type { ParseResult } from '../types';

export interface ParsePool {
  readonly size: number;
  parse(file: string): Promise<ParseResult>;
  close(): Promise<void>;
}

interface Task {
  id: number;
  file: string;
  resolve: (r: ParseResult) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Task>;
  alive: boolean;
}

const ENTRY = new URL('./parse-worker.mjs', import.meta.url);

export function createParsePool(size: number): ParsePool {
  let nextId = 0;
  const slots: Slot[] = [];
  const inThread = (t: Task) => processFile(t.file).then(t.resolve, (e) => t.resolve({ file: t.file, error: `解析出错：${String(e)}`, code: 'index.parse_crashed' }));
  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: new Worker(ENTRY), pending: new Map(), alive: true };
    slot.worker.on('message', (m: { id?: number; res?: ParseResult }) => {
      if (m.id === undefined) return;
      const t = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      t?.resolve(m.res!);
    });
    const fail = () => {
      if (!slot.alive) return;
      slot.alive = false;
      for (const t of slot.pending.values()) void inThread(t);
      slot.pending.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', fail);
    slots.push(slot);
  }
  return {
    size,
    parse(file) {
      return new Promise((resolve) => {
        const t: Task = { id: nextId++, file, resolve };
        // Least-loaded live worker; none alive → parse here.
        let best: Slot | null = null;
        for (const s of slots) if (s.alive && (!best || s.pending.size < best.pending.size)) best = s;
        if (!best) return void inThread(t);
        best.pending.set(t.id, t);
        best.worker.postMessage({ id: t.id, file });
      });
    },
    async close() {
      for (const s of slots) s.alive = false;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
