/**
 * Rejoins lines that a PDF-like export broke in the middle of a sentence, keeping real line
 * structure (list items, headings, code) intact. Used for document 003, whose text wraps at odd
 * places ("1. Explicit\nAssumptions Documentation - State all …", "- Stripe\nidempotency keys …").
 */
import { looksLikeCode } from './text-utils';

export interface ReflowOptions {
  /**
   * Inside a "- " or "1. " item, every line that does not open a new item or a heading ("Key Principles:")
   * continues the item (for list sections such as the framework's steps and "Why this score:").
   */
  list?: boolean;
  /** Keep lines that look like source code as they are (for sample answers with code). */
  code?: boolean;
}

const ITEM_START = /^(-|\d+\.)(\s|$)/;
const BARE_MARKER = /^(-|\d+\.)(\s*[✓✗])?$/u;
/** "Implementation time: 3-4 days", "Step 1 (Minute 0-10): Deploy …", "Metric 2: Performance - …". */
const LABEL_START = /^[A-Z#$][^:.!?]{0,50}:(\s|$)/;
/** A short stand-alone heading such as "Structure:" or "Key Principles:". */
const HEADING = /^[A-Z][\w\s&/-]{0,40}:$/;
const ENDS_SENTENCE = /[.!?…”"]$/;

function startsLowercase(line: string): boolean {
  return /^[a-z(]/.test(line);
}

function shouldJoin(block: string, next: string, options: ReflowOptions): boolean {
  if (BARE_MARKER.test(block)) return true;
  if (ITEM_START.test(next)) return false;
  // "Metric 1: Feature delivery time -" + "Shipped in 1 week …": a dangling dash continues.
  if (/\s[-–—]$/.test(block) && !(options.code && looksLikeCode(next))) return true;
  if (options.list && ITEM_START.test(block)) return !HEADING.test(next);
  if (options.code && (looksLikeCode(block) || looksLikeCode(next))) return false;
  // "- Total:" + "$1.8M/year": an item whose label ends the line continues on the next.
  if (
    ITEM_START.test(block) &&
    block.endsWith(':') &&
    !LABEL_START.test(next) &&
    !HEADING.test(next) &&
    !next.endsWith(':')
  )
    return true;
  if (startsLowercase(next)) return !/[.!?]$/.test(block) || /\b(e\.g|i\.e|vs)\.$/.test(block);
  if (block.endsWith(':') || ENDS_SENTENCE.test(block)) return false;
  if (LABEL_START.test(next) || next.endsWith(':')) return false;
  // An item ("- …", "1. …") wrapped before a capitalised word: "- Database transaction commits BEFORE" +
  // "Stripe call (faster, less locking)". A full sentence after a list is a new paragraph instead.
  // A greeting or sign-off line ("Hi {name},") stands alone.
  if (/,$/.test(next)) return false;
  // An item wrapped before a capitalised word: "- Database transaction commits BEFORE" + "Stripe call
  // (faster, less locking)". A longer line is a new paragraph that follows the list.
  if (ITEM_START.test(block)) return next.length <= 40 && !ENDS_SENTENCE.test(next);
  // A title wrapped before its last word: "Option 2: Architectural refactoring within" + "Rails".
  if (next.length <= 20 && !ENDS_SENTENCE.test(next)) return true;
  // A sentence cut before a capitalised word ("… before we choose" + "Kafka …") continues;
  // a line without a sentence end followed by a complete sentence is a title or label.
  return block.length >= 60 && !ENDS_SENTENCE.test(next);
}

export function reflow(lines: readonly string[], options: ReflowOptions = {}): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const block = out.at(-1);
    if (block !== undefined && shouldJoin(block, line, options)) out[out.length - 1] = `${block} ${line}`;
    else out.push(line);
  }
  return out;
}
