"use client";
/**
 * An agency name input with autocomplete: a native <datalist> filled from the suggestion endpoint
 * as one types. Without JavaScript it is a plain text field, and the page resolves the typed
 * name (or lists the names that contain it).
 */
import { useEffect, useId, useState } from "react";

interface Suggestion {
  agency: string;
  years: number[];
}

/** `suggestPrefix`: the suggestion URL up to the text (lib/urls agencySuggestUrl('')). */
export function AgencyPicker({
  name,
  suggestPrefix,
  label,
}: {
  name: string;
  suggestPrefix: string;
  label: string;
}) {
  const listId = useId();
  const inputId = useId();
  const [text, setText] = useState("");
  const [items, setItems] = useState<Suggestion[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (!q) return setItems([]);
    const ctl = new AbortController();
    // A short pause, so typing a name costs one request, not one per character.
    const t = setTimeout(() => {
      fetch(`${suggestPrefix}${encodeURIComponent(q)}`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((b: { items?: Suggestion[] }) => setItems(b.items ?? []))
        .catch(() => {});
    }, 150);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [text, suggestPrefix]);
  return (
    <>
      <label htmlFor={inputId} className="text-sm font-semibold">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        list={listId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        placeholder="输入机关中文名称，如“北仑区人民政府”"
        className="min-w-64 flex-1 rounded border border-stone-300 px-2 py-1"
        data-testid="agency-picker"
      />
      <datalist id={listId} data-testid="agency-options">
        {items.map((s) => (
          <option key={s.agency} value={s.agency}>
            {s.years.length ? `${s.years[0]}–${s.years.at(-1)}` : ""}
          </option>
        ))}
      </datalist>
    </>
  );
}
