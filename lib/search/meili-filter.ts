/**
 * Safe Meilisearch filters. Attribute names come only from a whitelist; every value is a
 * double-quoted string literal with `\` and `"` escaped, so no value can close its string and
 * add operators (`a" OR year > 0` stays one literal). Meilisearch's filter parser skips the
 * character after each `\` when looking for the closing quote, then unescapes `\"` and `\\`.
 */
import { FACETS, SearchInputError, type FacetName, type Filters } from './types';
import { figureAttribute, FILTERABLE, type FilterableAttribute } from './meili-settings';
import { isFigureKey, isFigureOp, type FigureFilter, type FigureOp } from '../key-figures';
import { encodeFacetKey } from './meili-facet-key';

/** App facet name → document attribute (the app says `theme`, documents hold `keys.themes`). */
export const FACET_ATTRIBUTE: Record<FacetName, FilterableAttribute> = {
  agency: 'keys.agency',
  year: 'year',
  province: 'keys.province',
  city: 'keys.city',
  level: 'level',
  kind: 'kind',
  theme: 'keys.themes',
  checks: 'checks',
};

/** Attributes holding encoded values (meili-facet-key.ts): filter values are encoded the same way. */
export const isKeyed = (attr: string): boolean => attr.startsWith('keys.');

/** Meilisearch's array form: outer items are ANDed, an inner array is ORed. */
export type MeiliFilter = (string | string[])[];

export function quoteFilterValue(value: string): string {
  if (typeof value !== 'string') throw new SearchInputError('filter values must be strings');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function attribute(name: string): FilterableAttribute {
  if (!(FILTERABLE as readonly string[]).includes(name)) {
    throw new SearchInputError(`not a filterable attribute: ${JSON.stringify(name)}`);
  }
  return name as FilterableAttribute;
}

const literal = (attr: string, value: string) => quoteFilterValue(isKeyed(attr) && typeof value === 'string' ? encodeFacetKey(value) : value);

/** `attr = "value"`, the only condition shape this module emits. Numbers match quoted too. */
export function eq(attr: FilterableAttribute | string, value: string): string {
  const a = attribute(attr);
  return `${a} = ${literal(a, value)}`;
}

/** `attr IN ["a", "b"]` for internal lists (e.g. the reports of an upsert). */
export function inList(attr: FilterableAttribute | string, values: readonly string[]): string {
  if (values.length === 0) throw new Error('inList needs at least one value');
  const a = attribute(attr);
  return `${a} IN [${values.map((v) => literal(a, v)).join(', ')}]`;
}

/** App filters → Meilisearch filter: AND across facets, OR within a facet's values. */
export function buildFilter(filters: Filters | undefined): MeiliFilter | undefined {
  if (!filters) return undefined;
  const out: MeiliFilter = [];
  for (const [facet, values] of Object.entries(filters)) {
    if (!(FACETS as readonly string[]).includes(facet)) {
      throw new SearchInputError(`unknown facet: ${JSON.stringify(facet)}`);
    }
    if (values === undefined) continue;
    if (!Array.isArray(values)) throw new SearchInputError(`filter ${facet} must be a list`);
    const unique = [...new Set(values)];
    if (unique.length === 0) continue;
    const attr = FACET_ATTRIBUTE[facet as FacetName];
    out.push(unique.map((v) => eq(attr, v)));
  }
  return out.length ? out : undefined;
}

const OPERATOR: Record<FigureOp, string> = { ge: '>=', gt: '>', le: '<=', lt: '<', eq: '=' };

/**
 * Key-figure conditions (`fig.received >= 100`), one AND-ed item each. Values are integers,
 * written as digits (never quoted: a quoted number compares as text in no case we want). A
 * document whose figure is null fails every comparison, as unknown must.
 */
export function figureConditions(filters: readonly FigureFilter[] | undefined): string[] {
  return (filters ?? []).map((f) => {
    if (!isFigureKey(f.key) || !isFigureOp(f.op)) throw new SearchInputError(`bad figure condition: ${JSON.stringify(f)}`);
    if (!Number.isSafeInteger(f.value)) throw new SearchInputError(`figure values must be integers: ${JSON.stringify(f.value)}`);
    return `${attribute(figureAttribute(f.key))} ${OPERATOR[f.op]} ${f.value}`;
  });
}
