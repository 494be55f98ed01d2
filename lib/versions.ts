/**
 * Re-publications in listings: an older version is indexed as `${canonicalId}-${sha256 8 hex}`
 * (lib/indexer/run.ts). Agency timelines and "other years" show one report per year, so they drop
 * a ref whose id is another listed ref's id plus that suffix. Search still finds older versions.
 */
const VERSION_SUFFIX = /^(.+)-[0-9a-f]{8}$/;

export function withoutOlderVersions<T extends { id: string }>(refs: T[]): T[] {
  const ids = new Set(refs.map((r) => r.id));
  return refs.filter((r) => {
    const m = VERSION_SUFFIX.exec(r.id);
    return !(m && ids.has(m[1]));
  });
}
