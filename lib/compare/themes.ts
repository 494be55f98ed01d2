/** Which problem themes appeared, persisted (recurring problems) and disappeared between two years. */
import type { ThemeHit } from '../types';

export interface PersistedTheme {
  id: string;
  label: string;
  evidenceEarlier: string[];
  evidenceLater: string[];
}

export interface ThemeDiff {
  appeared: ThemeHit[];
  persisted: PersistedTheme[];
  disappeared: ThemeHit[];
}

export function themeDiff(earlier: ThemeHit[], later: ThemeHit[]): ThemeDiff {
  const before = new Map(earlier.map((t) => [t.id, t]));
  const after = new Map(later.map((t) => [t.id, t]));
  const persisted: PersistedTheme[] = [];
  const appeared: ThemeHit[] = [];
  for (const t of after.values()) {
    const old = before.get(t.id);
    if (old) persisted.push({ id: t.id, label: t.label, evidenceEarlier: old.evidence, evidenceLater: t.evidence });
    else appeared.push(t);
  }
  const disappeared = [...before.values()].filter((t) => !after.has(t.id));
  return { appeared, persisted, disappeared };
}
