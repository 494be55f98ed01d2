import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways when a table is wider than the screen. Focusable and named, so a
 * keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`overflow-x-auto ${className}`} tabIndex={0} role="region" aria-label={`${label}（可左右滚动）`}>
      {children}
    </div>
  );
}
