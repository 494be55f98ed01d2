/**
 * The stages in order, composed here and nowhere else: read (lib/read) → parse (lib/parse) →
 * themes (lib/themes). Each stage is a function of the previous one's output; a file that cannot
 * be read, or is not a report, comes back as `{ file, error, code }` and never throws.
 */
import { stageMessage, type StageMessage } from '../messages';
import { parseRead, parseReportText, type PageContext } from '../parse/index';
import { ReadError, readReportFile, type Provenance, type ReadResult } from '../read/index';
import { withThemes } from '../themes/index';
import { isFailure, type ParseFailure, type ParseResult } from '../types';

function failure(file: string, m: StageMessage): ParseFailure {
  return { file, error: m.message, code: m.code };
}

/** Themes on a parsed record; a crash in tagging fails the one report, as a parse crash does. */
function themed(res: ParseResult, file: string): ParseResult {
  if (isFailure(res)) return res;
  try {
    return withThemes(res);
  } catch (e) {
    return failure(file, stageMessage('parse.crashed', `解析失败：${e instanceof Error ? e.message : String(e)}`));
  }
}

/**
 * One file through every stage. `opts.provenance` stands in for a missing sidecar (the scorer
 * passes a label's URL this way).
 */
export async function processFile(filePath: string, opts: { provenance?: Provenance } = {}): Promise<ParseResult> {
  let read: ReadResult;
  try {
    read = await readReportFile(filePath);
  } catch (e) {
    if (e instanceof ReadError) return failure(filePath, e.toMessage());
    return failure(filePath, stageMessage('read.corrupt', `${filePath}: 读取失败（${e instanceof Error ? e.message : String(e)}）`));
  }
  if (!read.provenance && opts.provenance) read = { ...read, provenance: opts.provenance };
  return themed(parseRead(read, filePath), filePath);
}

/** Text already in hand (a generated corpus, a test) through parse and themes. */
export function processText(text: string, file: string, ctx: PageContext = {}): ParseResult {
  return themed(parseReportText(text, file, ctx), file);
}
