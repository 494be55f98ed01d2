/**
 * "Skip to content" links: hidden until focused, so a keyboard user's first Tab offers to jump
 * past the navigation. `href` is an element id on the page (#main is the layout's <main>).
 */
export function SkipLink({ href = '#main', children = '跳到主要内容', testId = 'skip-link' }: { href?: string; children?: string; testId?: string }) {
  return (
    <a
      href={href}
      className="sr-only rounded bg-brand-700 px-3 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
      data-testid={testId}
    >
      {children}
    </a>
  );
}
