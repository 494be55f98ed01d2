import type { Region } from '@/lib/types';

export function regionText(r: Region | { province: string | null; city: string | null; county: string | null }): string {
  return [r.province, r.city, r.county].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ');
}

export function pctText(p: number | null): string {
  return p === null ? '—' : `${p}%`;
}
