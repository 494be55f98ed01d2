/**
 * A server-rendered ECharts SVG. The SVG comes from lib/charts (numbers and escaped labels only),
 * so embedding it as markup is safe; the figure caption carries the accessible name.
 */
export function Chart({ id, title, svg }: { id: string; title: string; svg: string }) {
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-2" data-testid="chart" data-chart={id}>
      <div role="img" aria-label={title} className="[&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}
