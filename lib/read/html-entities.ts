/** HTML character references: numeric, plus the named ones Chinese government pages actually use. */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', bdquo: '\u201e',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', middot: '\u00b7', bull: '\u2022',
  times: '\u00d7', divide: '\u00f7', plusmn: '\u00b1', deg: '\u00b0', permil: '\u2030', percnt: '%',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', yen: '\u00a5', sect: '\u00a7', para: '\u00b6',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad',
  larr: '\u2190', rarr: '\u2192', uarr: '\u2191', darr: '\u2193', frasl: '\u2044',
  sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  micro: '\u00b5', cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', circ: '\u02c6', tilde: '\u02dc',
  lowast: '\u2217', minus: '\u2212', le: '\u2264', ge: '\u2265', ne: '\u2260', radic: '\u221a',
  infin: '\u221e', sum: '\u2211', prime: '\u2032', Prime: '\u2033', oline: '\u203e', loz: '\u25ca',
  spades: '\u2660', clubs: '\u2663', hearts: '\u2665', diams: '\u2666', iexcl: '\u00a1', iquest: '\u00bf',
};

/** C1 code points that Windows-1252 pages mean as punctuation (&#147; etc., per the HTML spec). */
const CP1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x8b: 0x2039,
  0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
  0x99: 0x2122, 0x9b: 0x203a,
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, body: string) => {
    if (body[0] === '#') {
      let cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      cp = CP1252[cp] ?? cp;
      if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    return NAMED[body] ?? m;
  });
}
