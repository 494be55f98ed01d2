/**
 * Response bodies written piece by piece: an export never holds its whole result as one string,
 * and the server answers other requests between pieces. Each piece is pulled only when the
 * client has read the previous one (ReadableStream back-pressure), and the producer yields to
 * the event loop after every piece, so a search arriving mid-export waits for one piece, not
 * for the whole export.
 */
import { BOM, csvLine, type CsvValue } from '../compare/csv';

/** Let timers and I/O (other requests) run before the next piece is made. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A byte stream from text pieces. `onClose` runs exactly once, when the body is finished,
 * failed or cancelled by the client (it releases the export slot).
 */
export function textStream(pieces: AsyncIterable<string>, onClose: () => void = () => {}): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = pieces[Symbol.asyncIterator]();
  let closed = false;
  const close = () => {
    if (!closed) {
      closed = true;
      onClose();
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await it.next();
          if (done) {
            close();
            controller.close();
            return;
          }
          // TextEncoder writes a lone surrogate as U+FFFD: damaged report text cannot break a body.
          controller.enqueue(enc.encode(value));
          await yieldToLoop();
        } catch (e) {
          close();
          console.error('[export] stream failed:', e);
          controller.error(e);
        }
      },
      async cancel() {
        close();
        await it.return?.();
      },
    },
    // One piece buffered ahead: memory stays at a piece or two per export.
    { highWaterMark: 1 },
  );
}

/**
 * When a piece is complete: `per` rows, or `budgetMs` of work, whichever comes first. The time
 * budget bounds how long anything else waits behind one piece, however costly the rows are and
 * however busy the machine is.
 */
export interface PieceSize {
  per?: number;
  budgetMs?: number;
}

function pieceClock({ per = 50, budgetMs = 4 }: PieceSize): { full: () => boolean; reset: () => void } {
  let n = 0;
  let t0 = performance.now();
  return {
    full: () => ++n >= per || performance.now() - t0 >= budgetMs,
    reset: () => {
      n = 0;
      t0 = performance.now();
    },
  };
}

/** CSV pieces: BOM and header, then rows, a piece at a time (PieceSize). */
export async function* csvPieces(header: readonly string[], rows: AsyncIterable<CsvValue[]> | Iterable<CsvValue[]>, size: PieceSize = {}): AsyncGenerator<string> {
  let buf = BOM + csvLine(header);
  const clock = pieceClock(size);
  for await (const row of rows) {
    buf += csvLine(row);
    if (clock.full()) {
      yield buf;
      buf = '';
      clock.reset();
    }
  }
  if (buf) yield buf;
}

/**
 * A JSON object whose `key` member is an array written element by element: `head` members
 * first, then the array, then `tail()` members (counts known only at the end). The result is
 * one valid JSON document, the same as JSON.stringify({ ...head, [key]: [...], ...tail() }).
 */
export async function* jsonPieces<T>(
  head: Record<string, unknown>,
  key: string,
  items: AsyncIterable<T> | Iterable<T>,
  tail: () => Record<string, unknown> = () => ({}),
  size: PieceSize = {},
): AsyncGenerator<string> {
  const open = JSON.stringify(head);
  let buf = `${open.length > 2 ? `${open.slice(0, -1)},` : '{'}${JSON.stringify(key)}:[`;
  let n = 0;
  const clock = pieceClock(size);
  for await (const item of items) {
    buf += (n++ ? ',' : '') + JSON.stringify(item);
    if (clock.full()) {
      yield buf;
      buf = '';
      clock.reset();
    }
  }
  const end = JSON.stringify(tail());
  yield `${buf}]${end.length > 2 ? `,${end.slice(1)}` : '}'}`;
}
