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

/** CSV pieces: BOM and header, then rows in groups of `per` (one piece per group). */
export async function* csvPieces(header: readonly string[], rows: AsyncIterable<CsvValue[]> | Iterable<CsvValue[]>, per = 50): AsyncGenerator<string> {
  let buf = BOM + csvLine(header);
  let n = 0;
  for await (const row of rows) {
    buf += csvLine(row);
    if (++n % per === 0) {
      yield buf;
      buf = '';
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
  per = 50,
): AsyncGenerator<string> {
  const open = JSON.stringify(head);
  let buf = `${open.length > 2 ? `${open.slice(0, -1)},` : '{'}${JSON.stringify(key)}:[`;
  let n = 0;
  for await (const item of items) {
    buf += (n ? ',' : '') + JSON.stringify(item);
    if (++n % per === 0) {
      yield buf;
      buf = '';
    }
  }
  const end = JSON.stringify(tail());
  yield `${buf}]${end.length > 2 ? `,${end.slice(1)}` : '}'}`;
}
