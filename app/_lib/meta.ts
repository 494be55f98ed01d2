/**
 * Metadata every page shares: canonical URL, Open Graph and Twitter cards with a server-drawn
 * image (app/og/…). One helper, so no page forgets a tag.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { ogImageUrl } from '@/lib/urls';

export const SITE_NAME = '年报 Nianbao';

/**
 * The site's public origin: SITE_URL when set (production), else the request's own host, so
 * links in a share card point back to the server that made them.
 */
export async function siteOrigin(): Promise<URL> {
  const configured = env().SITE_URL;
  if (configured) return new URL(configured);
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? `localhost:${env().PORT}`;
  // Request headers are client input: only http(s) becomes a link scheme. Production sets SITE_URL.
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  try {
    return new URL(`${proto}://${host}`);
  } catch {
    return new URL(`http://localhost:${env().PORT}`);
  }
}

export const OG_SIZE = { width: 1200, height: 630 } as const;

export interface PageMetaInput {
  title: string;
  /** the share card's title when it should say more than the page title (a comparison's headline) */
  shareTitle?: string;
  description: string;
  /** path of the page without query string noise: its canonical URL */
  path: string;
  /** path of the share image (app/og/…); the site card when omitted */
  image?: string;
  imageAlt?: string;
  type?: 'website' | 'article';
}

export async function pageMeta(m: PageMetaInput): Promise<Metadata> {
  const shareTitle = m.shareTitle ?? m.title;
  const image = { url: m.image ?? ogImageUrl.site(), ...OG_SIZE, alt: m.imageAlt ?? shareTitle };
  return {
    metadataBase: await siteOrigin(),
    title: m.title,
    description: m.description,
    alternates: { canonical: m.path },
    openGraph: { title: shareTitle, description: m.description, url: m.path, siteName: SITE_NAME, locale: 'zh_CN', type: m.type ?? 'website', images: [image] },
    twitter: { card: 'summary_large_image', title: shareTitle, description: m.description, images: [image.url] },
  };
}
