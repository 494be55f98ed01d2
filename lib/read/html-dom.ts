/**
 * HTML → DOM through htmlparser2 (tokenizer, implied end tags for p/li/td/tr, raw-text
 * elements, entities per the HTML spec) and domhandler, with one addition: a depth cap.
 * Old CMS pages leave thousands of <font>/<span> unclosed; nesting them all would overflow the
 * stack of every recursive walk, so past MAX_DEPTH new elements become siblings (text is
 * unchanged). Raw-text elements (script, style, title …) always nest, so their bodies never leak.
 */
import { Parser } from 'htmlparser2';
import { DomHandler, Element, type Document } from 'domhandler';

export const MAX_DEPTH = 256;

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

class CappedHandler extends DomHandler {
  /** per open element: was it pushed on the stack (false = flattened past the cap) */
  private pushed: boolean[] = [];

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_DEPTH && !RAW_TEXT.has(name)) {
      this.addNode(new Element(name, attribs));
      this.lastNode = null;
      this.pushed.push(false);
      return;
    }
    this.pushed.push(true);
    super.onopentag(name, attribs);
  }

  // comments are not content: dropping them lets the text on either side join as one text node
  override oncomment(): void {}
  override oncommentend(): void {}

  override onclosetag(): void {
    if (this.pushed.pop() === false) {
      this.lastNode = null;
      return;
    }
    super.onclosetag();
  }
}

export function parseHtml(html: string): Document {
  const handler = new CappedHandler();
  // <span/> closes itself, as XHTML-style CMS output means it to
  const parser = new Parser(handler, { decodeEntities: true, recognizeSelfClosing: true });
  parser.end(html);
  return handler.root;
}
