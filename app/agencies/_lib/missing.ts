/**
 * Why a page was not found, handed from the page to its not-found.tsx. Next's not-found
 * component receives no props, so the page stores the details in a per-request React cache
 * before calling notFound(); the 404 can then link to the years held or similar agencies.
 */
import { cache } from 'react';

export interface MissingInfo {
  title: string;
  message: string;
  links: { href: string; label: string; testId?: string }[];
}

export const missingInfo = cache((): { value: MissingInfo | null } => ({ value: null }));
