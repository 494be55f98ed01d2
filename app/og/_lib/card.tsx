/**
 * Share-card images (og:image, 1200×630) drawn on the server with next/og. Each card is a title,
 * a line under it, up to four headline numbers and an optional bar chart. Chinese needs the font
 * of lib/og/font; when it cannot be read the card is drawn with digits and Latin letters only
 * (the bundled font has no CJK glyphs, and next/og would otherwise fetch fonts from the network)
 * and the response says so in `x-og-font: missing`.
 */
import { ImageResponse } from 'next/og';
import { loadOgFont } from '@/lib/og/font';
import { OG_SIZE } from '../../_lib/meta';

export interface CardStat {
  label: string;
  value: string;
  note?: string;
}

export interface CardInput {
  kicker: string;
  title: string;
  subtitle?: string;
  stats?: CardStat[];
  bars?: { label: string; value: number | null }[];
  barsTitle?: string;
}

const BRAND = '#962520';
const INK = '#1c1917';
const GREY = '#57534e';

/** Text the fallback font can draw: anything else would be tofu or a network fetch. */
function latin(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, ' ').trim();
}

export function cardResponse(input: CardInput): Response {
  const { font, error } = loadOgFont();
  const t = font ? (s: string) => s : latin;
  const stats = (input.stats ?? []).slice(0, 4);
  const bars = (input.bars ?? []).slice(-8);
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const image = new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#fafaf9', padding: '48px 64px', color: INK, ...(font ? { fontFamily: font.name } : {}) }}>
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 28, color: BRAND }}>
          <div style={{ display: 'flex', width: 40, height: 40, background: BRAND, borderRadius: 8, marginRight: 16 }} />
          {t(input.kicker) || 'Nianbao'}
        </div>
        <div style={{ display: 'flex', fontSize: input.title.length > 22 ? 48 : 60, fontWeight: 700, marginTop: 28, lineHeight: 1.2 }}>{t(input.title) || 'Nianbao'}</div>
        {input.subtitle ? <div style={{ display: 'flex', fontSize: 30, color: GREY, marginTop: 12 }}>{t(input.subtitle)}</div> : null}
        <div style={{ display: 'flex', flex: 1, marginTop: 32, alignItems: 'flex-end' }}>
          {stats.length > 0 ? (
            <div style={{ display: 'flex', flexWrap: 'wrap', flex: 1 }}>
              {stats.map((s, i) => (
                <div key={i} style={{ display: 'flex', flexDirection: 'column', width: bars.length ? 260 : 520, marginBottom: 20 }}>
                  <div style={{ display: 'flex', fontSize: 26, color: GREY }}>{t(s.label)}</div>
                  <div style={{ display: 'flex', fontSize: 52, fontWeight: 700, color: INK }}>{s.value}</div>
                  {s.note ? <div style={{ display: 'flex', fontSize: 22, color: GREY }}>{t(s.note)}</div> : null}
                </div>
              ))}
            </div>
          ) : null}
          {bars.length > 0 ? (
            <div style={{ display: 'flex', flexDirection: 'column', width: stats.length ? 520 : 1072 }}>
              {input.barsTitle ? <div style={{ display: 'flex', fontSize: 24, color: GREY, marginBottom: 8 }}>{t(input.barsTitle)}</div> : null}
              <div style={{ display: 'flex', alignItems: 'flex-end', height: 220 }}>
                {bars.map((b, i) => (
                  <div key={i} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', flex: 1, marginRight: 12 }}>
                    <div style={{ display: 'flex', fontSize: 22, color: INK }}>{b.value === null ? '—' : String(b.value)}</div>
                    <div style={{ display: 'flex', width: '100%', height: b.value === null ? 2 : Math.max(2, Math.round((b.value / max) * 160)), background: BRAND, borderRadius: 4 }} />
                    <div style={{ display: 'flex', fontSize: 20, color: GREY, marginTop: 6 }}>{t(b.label).slice(0, 8)}</div>
                  </div>
                ))}
              </div>
            </div>
          ) : null}
        </div>
      </div>
    ),
    {
      ...OG_SIZE,
      fonts: font ? [{ name: font.name, data: font.data, weight: 400, style: 'normal' }] : undefined,
      headers: {
        // Figures change when the index is rebuilt: an hour, not next/og's default of a year.
        'cache-control': 'public, max-age=3600',
        'x-og-font': font ? 'ok' : 'missing',
        ...(error ? { 'x-og-font-error': encodeURIComponent(error) } : {}),
      },
    },
  );
  return image;
}

export function notFoundImage(what: string): Response {
  return new Response(`未找到${what}，无法生成分享图片。\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
