export function pctText(p: number | null): string {
  return p === null ? '—' : `${p}%`;
}
