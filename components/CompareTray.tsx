"use client";
/**
 * "加入比较" and the tray it fills. The tray (bottom of every page, once it holds an agency) is a
 * GET form to the comparison page with one `agency` field per name, so the browser builds the
 * /compare URL and the page turns names into slugs. Without JavaScript, 加入比较 is a plain link
 * that opens the comparison with that agency, where the picker adds more.
 */
import { useSyncExternalStore } from "react";
import {
  readTray,
  serverTray,
  subscribeTray,
  TRAY_MAX,
  writeTray,
} from "./compare-tray-store";

const useTray = () => useSyncExternalStore(subscribeTray, readTray, serverTray);

export function AddToCompare({
  agency,
  href,
}: {
  agency: string;
  href: string;
}) {
  const tray = useTray();
  const added = tray.includes(agency);
  const full = !added && tray.length >= TRAY_MAX;
  return (
    <a
      href={href}
      role="button"
      aria-pressed={added}
      aria-disabled={full || undefined}
      title={
        full
          ? `最多比较 ${TRAY_MAX} 个机关`
          : added
            ? "从比较中移除"
            : "加入比较"
      }
      onClick={(e) => {
        e.preventDefault();
        if (added) writeTray(tray.filter((n) => n !== agency));
        else if (!full) writeTray([...tray, agency]);
      }}
      className={`shrink-0 rounded border px-1.5 py-0.5 text-xs no-underline ${added ? "border-brand-700 bg-brand-50 text-brand-800" : "border-stone-300 text-stone-700 hover:bg-stone-100"}`}
      data-testid="add-to-compare"
      data-agency={agency}
      data-added={added ? "true" : "false"}
    >
      {added ? "✓ 已加入比较" : "加入比较"}
    </a>
  );
}

export function CompareTray({ action }: { action: string }) {
  const tray = useTray();
  if (!tray.length) return null;
  return (
    <>
      {/* room at the end of the page, so the fixed tray never covers the last line */}
      <div className="h-16" aria-hidden="true" />
      <aside
        aria-label="比较栏"
        className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-300 bg-white/95 shadow-lg"
        data-testid="compare-tray"
      >
        <form
          action={action}
          method="get"
          className="mx-auto flex max-w-7xl flex-wrap items-center gap-2 px-4 py-2 text-sm"
        >
          <span className="font-semibold">比较：</span>
          {tray.map((name) => (
            <span
              key={name}
              className="inline-flex items-center gap-1 rounded-full bg-stone-100 px-2 py-0.5"
              data-testid="tray-item"
            >
              <input type="hidden" name="agency" value={name} />
              {name}
              <button
                type="button"
                aria-label={`移除${name}`}
                className="text-stone-500 hover:text-brand-700"
                onClick={() => writeTray(tray.filter((n) => n !== name))}
              >
                ×
              </button>
            </span>
          ))}
          <span className="ml-auto flex gap-2">
            <button
              type="button"
              className="rounded px-2 py-1 text-stone-600 hover:bg-stone-100"
              onClick={() => writeTray([])}
              data-testid="tray-clear"
            >
              清空
            </button>
            <button
              type="submit"
              className="rounded bg-brand-700 px-3 py-1 font-semibold text-white"
              data-testid="tray-compare"
            >
              比较（{tray.length}）
            </button>
          </span>
        </form>
      </aside>
    </>
  );
}
