/** Links to the JSON and CSV twins of a page (plain anchors: they are downloads, not pages). */
export function Twins({ json, csv }: { json: string; csv: string }) {
  return (
    <p className="flex flex-wrap gap-3 text-sm" data-testid="twins">
      <span className="text-stone-500">数据：</span>
      <a href={json} className="text-brand-700 hover:underline" data-testid="json-link">
        JSON
      </a>
      <a href={csv} className="text-brand-700 hover:underline" data-testid="csv-link" download>
        CSV
      </a>
    </p>
  );
}
