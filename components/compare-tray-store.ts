/**
 * The comparison tray's list of agency names, kept in localStorage so it survives page loads and
 * tabs; components subscribe through useSyncExternalStore. Browser-only, no React.
 */
export const TRAY_KEY = 'nianbao:compare';
/** As many as the comparison page shows side by side (lib/queries/compare.ts MAX_PEERS). */
export const TRAY_MAX = 12;
const EVENT = 'nianbao:compare';
const EMPTY: string[] = [];

let cachedRaw: string | null = null;
let cached: string[] = EMPTY;

export function readTray(): string[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(TRAY_KEY);
  } catch {
    raw = null; // storage blocked: an empty tray
  }
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  try {
    const v: unknown = raw ? JSON.parse(raw) : [];
    cached = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0).slice(0, TRAY_MAX) : EMPTY;
  } catch {
    cached = EMPTY;
  }
  return cached;
}

export function writeTray(names: string[]): void {
  try {
    window.localStorage.setItem(TRAY_KEY, JSON.stringify([...new Set(names)].slice(0, TRAY_MAX)));
  } catch {
    // storage full or blocked: the tray just does not persist
  }
  window.dispatchEvent(new Event(EVENT));
}

export function subscribeTray(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => e.key === TRAY_KEY && onChange();
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

export const serverTray = (): string[] => EMPTY;
