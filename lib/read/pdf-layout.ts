/**
 * Positioned PDF text items → lines the parser understands. Items on one baseline form a line;
 * a wide horizontal gap separates cells. A run of consecutive multi-cell lines is a table: its
 * cells are snapped to column anchors (clustered left edges), so empty cells survive as empty
 * tab fields (the parser's tab layout). Prose lines wrapped at the right margin are rejoined.
 */

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

interface Seg {
  x: number;
  right: number;
  text: string;
}
interface Line {
  y: number;
  size: number;
  segs: Seg[];
}

function toLines(items: PdfItem[]): Line[] {
  // whitespace items only pad gaps (pdf.js inserts them); geometry decides spacing
  const its = items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  its.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PdfItem[] }[] = [];
  for (const it of its) {
    const size = it.fontSize || it.height || 10;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.max(last.size, size) * 0.4) last.items.push(it);
    else lines.push({ y: it.y, size, items: [it] });
  }
  return lines.map((l) => {
    l.items.sort((a, b) => a.x - b.x);
    const segs: Seg[] = [];
    for (const it of l.items) {
      const prev = segs[segs.length - 1];
      const gap = prev ? it.x - prev.right : Infinity;
      // a gap of a full character or more is a column boundary, a smaller one a word space
      if (prev && gap < l.size) {
        prev.text += (gap > l.size * 0.25 && !prev.text.endsWith(' ') && !it.str.startsWith(' ') ? ' ' : '') + it.str;
        prev.right = Math.max(prev.right, it.x + it.width);
      } else if (it.str.trim() !== '') segs.push({ x: it.x, right: it.x + it.width, text: it.str });
    }
    for (const s of segs) s.text = s.text.replace(/\s+/g, ' ').trim();
    return { y: l.y, size: l.size, segs: segs.filter((s) => s.text !== '') };
  }).filter((l) => l.segs.length > 0);
}

/** Column anchors of a table block: left edges clustered within tolerance. */
function anchors(block: Line[]): number[] {
  const xs = block.flatMap((l) => l.segs.map((s) => s.x)).sort((a, b) => a - b);
  const tol = Math.max(2, (block[0]?.size ?? 10) * 0.5);
  const out: number[] = [];
  for (const x of xs) if (!out.length || x - out[out.length - 1] > tol) out.push(x);
  return out;
}

function tableRows(block: Line[]): string[] {
  const cols = anchors(block);
  const tol = Math.max(2, (block[0]?.size ?? 10) * 0.5);
  return block.map((l) => {
    const cells: string[] = cols.map(() => '');
    for (const s of l.segs) {
      // rightmost anchor at or left of the segment start
      let c = 0;
      for (let k = 0; k < cols.length; k++) if (cols[k] <= s.x + tol) c = k;
      cells[c] = cells[c] ? `${cells[c]} ${s.text}` : s.text;
    }
    while (cells.length && cells[cells.length - 1] === '') cells.pop(); // trailing blanks are invisible in a PDF
    return cells.join('\t');
  });
}

const SENTENCE_END = /[。：:；;！!？?）)”"]$/;

/** One page's items → text. */
export function layoutPage(items: PdfItem[]): string {
  const lines = toLines(items);
  const right = Math.max(0, ...lines.filter((l) => l.segs.length === 1).map((l) => l.segs[0].right));
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].segs.length > 1) {
      let j = i;
      while (j < lines.length && lines[j].segs.length > 1) j++;
      out.push(...tableRows(lines.slice(i, j)));
      i = j;
      continue;
    }
    let text = lines[i].segs[0].text;
    // rejoin prose wrapped at the right margin: a full line not ending a sentence continues below
    while (
      i + 1 < lines.length &&
      lines[i + 1].segs.length === 1 &&
      lines[i].segs[0].right >= right - lines[i].size * 2 &&
      !SENTENCE_END.test(text) &&
      lines[i].y - lines[i + 1].y < lines[i].size * 2
    ) {
      i++;
      const next = lines[i].segs[0].text;
      text += /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? ` ${next}` : next;
    }
    out.push(text);
    i++;
  }
  return out.join('\n');
}
