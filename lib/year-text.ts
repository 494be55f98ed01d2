/** How years read in titles and share texts: one year is "2023年", never "2023–2023". */

/** "2023年" for one distinct year, "2020–2023年" for several, "" for none. */
export function yearSpan(years: readonly number[]): string {
  if (!years.length) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${lo}年` : `${lo}–${hi}年`;
}

/**
 * The earlier year as the later one's report should name it: "上一年度" only when the two are
 * consecutive; a 2020→2023 comparison says "2020年度".
 */
export function earlierYearPhrase(earlier: number, later: number): string {
  return later - earlier === 1 ? '上一年度' : `${earlier}年度`;
}
