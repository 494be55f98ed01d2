/**
 * Whether a report's agency name can stand for an agency: in the directory, with a slug and a
 * page, and as "the same agency" for timelines. The parser gives '' when it could not tell the
 * agency; such reports have nothing in common with each other, so grouping them would make one
 * entry of unrelated reports whose link cannot resolve.
 */
export function isKnownAgency(name: string | null | undefined): boolean {
  if (!name) return false;
  const t = name.trim();
  return t.length >= 2 && /\p{L}/u.test(t);
}
