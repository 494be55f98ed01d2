/**
 * The only error the readers throw. `reason` is a stable code for tests and the CLI (`code` is the
 * same as a stage-message code, lib/messages.ts); `message` is one Chinese line naming the file,
 * the problem and what to do.
 */
import { stageMessage, type StageMessage } from '../messages';

export type ReadErrorReason =
  | 'not_found'
  | 'not_a_file'
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'unsupported_format'
  | 'bad_encoding'
  | 'corrupt'
  | 'no_text_layer'
  | 'encrypted'
  | 'bad_sidecar';

export class ReadError extends Error {
  readonly file: string;
  readonly reason: ReadErrorReason;
  readonly code: `read.${ReadErrorReason}`;

  constructor(file: string, reason: ReadErrorReason, problem: string, todo: string) {
    super(`${file}: ${problem} — ${todo}`);
    this.name = 'ReadError';
    this.file = file;
    this.reason = reason;
    this.code = `read.${reason}`;
  }

  toMessage(): StageMessage {
    return stageMessage(this.code, this.message);
  }
}
