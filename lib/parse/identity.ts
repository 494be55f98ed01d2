/**
 * A report's permanent id. Known agency and year: a hash of `agency|year`, so a re-published
 * file of the same report gets the same id (and is handled as a version of it, lib/versions.ts).
 * Agency or year unknown: `agency|year` no longer tells reports apart (every yearless report of
 * one agency, every report with no agency, would share one id and collapse into "versions" of
 * each other), so the id comes from the content instead: a hash of the text with layout noise
 * removed, the same for the same report however often it is indexed or re-extracted.
 */
import { createHash } from 'node:crypto';

const hash16 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/**
 * The text as identity sees it: NFKC (full-width digits and letters as ASCII) and no whitespace
 * at all, so line breaks, table layout and spacing that differ between two extractions of one
 * document (TXT vs HTML, another PDF reader) do not make two reports of it.
 */
export function identityText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function reportId(agency: string, year: number | null, text: string): string {
  if (agency && year !== null) return hash16(`${agency}|${year}`);
  return hash16(`text|${identityText(text)}`);
}
