/**
 * The crawl's memory across a kill: an append-only JSON-lines journal in `<out>/.crawl/`.
 * Every line is one small write (a whole event or nothing reaches the file; a torn last line
 * from a power cut is ignored on replay). A page's line carries the links it yielded, so the
 * frontier is rebuilt exactly: seeds + every recorded child − everything already done.
 * A run ends with an `end` line; the next start then begins a new run (the finished journal is
 * kept beside it under the run's id).
 */
import fs from 'node:fs';
import path from 'node:path';

export type TaskKind = 'list' | 'report' | 'file';

export interface Task {
  url: string;
  kind: TaskKind;
  /** index of the seed (site) this task belongs to */
  site: number;
  referrer?: string;
  listPage?: string;
  linkText?: string;
  title?: string;
  year?: number;
}

export type Outcome = 'new' | 'version' | 'unchanged' | 'page' | 'failed' | 'blocked' | 'skipped' | 'limited';

export type JournalEvent =
  | { t: 'start'; run: string; seeds: string; at: string }
  /** `final`: where redirects led, so the final URL is not queued again after a resume */
  | { t: 'done'; url: string; site: number; kind: TaskKind; outcome: Outcome; children?: Task[]; file?: string; reason?: string; final?: string }
  | { t: 'end'; run: string; at: string };

export interface Replayed {
  run: string;
  events: Extract<JournalEvent, { t: 'done' }>[];
}

export class Journal {
  private fd: number | null = null;
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'journal.jsonl');
  }

  /** The unfinished run recorded for these seeds, if any. */
  unfinished(seedsHash: string): Replayed | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    let run: string | null = null;
    let events: Replayed['events'] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      let ev: JournalEvent;
      try {
        ev = JSON.parse(line) as JournalEvent;
      } catch {
        continue; // a torn last line
      }
      if (ev.t === 'start') {
        run = ev.seeds === seedsHash ? ev.run : null;
        events = [];
      } else if (ev.t === 'end') run = null;
      else if (run) events.push(ev);
    }
    return run ? { run, events } : null;
  }

  /** Whether the journal holds a run without its end line (whatever its seeds). */
  unfinishedRun(): boolean {
    try {
      const text = fs.readFileSync(this.file, 'utf8').trimEnd();
      return text.length > 0 && !text.slice(text.lastIndexOf('\n') + 1).startsWith('{"t":"end"');
    } catch {
      return false;
    }
  }

  /** Starts a new run: a finished or foreign journal is moved aside, not appended to. */
  begin(run: string, seedsHash: string): void {
    fs.mkdirSync(this.dir, { recursive: true });
    if (fs.existsSync(this.file)) {
      const prev = /"run":"([^"]+)"/.exec(fs.readFileSync(this.file, 'utf8').slice(0, 300))?.[1] ?? String(Date.now());
      fs.renameSync(this.file, path.join(this.dir, `journal-${prev}.jsonl`));
    }
    this.open();
    this.append({ t: 'start', run, seeds: seedsHash, at: new Date().toISOString() });
  }

  resume(): void {
    this.open();
  }

  private open(): void {
    fs.mkdirSync(this.dir, { recursive: true });
    this.fd = fs.openSync(this.file, 'a');
  }

  append(ev: JournalEvent): void {
    if (this.fd === null) throw new Error('journal not open');
    fs.writeSync(this.fd, `${JSON.stringify(ev)}\n`);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
