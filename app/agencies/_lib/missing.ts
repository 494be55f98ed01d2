/**
 * Why a page was not found, handed from the page to its not-found.tsx. Next's not-found
 * component receives no props and is rendered alongside the page (not after it), so the page
 * settles a per-request promise (React cache) that the not-found component awaits: with the
 * details before calling notFound(), or with null in every other case (see withMissing).
 */
import { cache } from 'react';

export interface MissingInfo {
  title: string;
  message: string;
  links: { href: string; label: string; testId?: string }[];
}

interface Deferred {
  promise: Promise<MissingInfo | null>;
  settle: (v: MissingInfo | null) => void;
}

const deferred = cache((): Deferred => {
  let settle!: (v: MissingInfo | null) => void;
  const promise = new Promise<MissingInfo | null>((resolve) => {
    let done = false;
    settle = (v) => {
      if (!done) resolve(v); // first settlement wins
      done = true;
    };
  });
  return { promise, settle };
});

export function settleMissing(info: MissingInfo | null): void {
  deferred().settle(info);
}

/** For the not-found component; the timeout only guards against a page that forgot to settle. */
export function awaitMissing(timeoutMs = 5000): Promise<MissingInfo | null> {
  return Promise.race([deferred().promise, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs).unref?.())]);
}

/** Run a page body so the not-found promise is always settled, whatever the body does. */
export async function withMissing<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    settleMissing(null);
  }
}
