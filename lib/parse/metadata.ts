/**
 * Agency kind from the name's ending. The agency name and the statistical year themselves come
 * from lib/parse/meta (all the page's evidence, weighed).
 */
import type { AgencyKind } from '../types';
import { isPlaceName } from './meta/agency-name';

/** Kind from the name's ending; a trailing parenthetical (科协) is an alias, not the kind. */
export function agencyKind(agency: string): AgencyKind {
  const core = agency.replace(/[（(][^（）()]*[)）]$/, '');
  if (/(人民政府|政府)办公(室|厅)$|政府办$/.test(core)) return 'office';
  if (/政府$|街道办事处$|办事处$|行政公署$|行署$/.test(core)) return 'government';
  // a region's own report under its bare name (临江市, 东湖乡, 青山县东湖镇) is its government's
  if (/(镇|乡|苏木|街道)$/.test(core) || (core && isPlaceName(core))) return 'government';
  if (/(中心|站|所|队|馆|社|公司|集团|学校|大学|学院|医院|研究院|协会|联合会)$/.test(core)) return 'other';
  if (/(局|厅|委员会|委|办公室|办|部|署|总署|司)$/.test(core)) return 'department';
  return 'other';
}
