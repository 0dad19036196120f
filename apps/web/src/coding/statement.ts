/**
 * A coding task's statement as blocks: paragraphs (hard-wrapped lines joined), and lists of "- " bullets whose
 * continuation lines are indented. Inline `code` spans are split out by `inlineSpans`.
 */
export type StatementBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export interface InlineSpan {
  code: boolean;
  text: string;
}

const BULLET = /^\s*[-*]\s+(.*)$/;

export function statementBlocks(statement: string): StatementBlock[] {
  const blocks: StatementBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];

  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  const endList = () => {
    if (items.length > 0) blocks.push({ kind: 'list', items });
    items = [];
  };

  for (const raw of statement.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      endParagraph();
      endList();
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      endParagraph();
      items.push(bullet[1].trim());
    } else if (items.length > 0 && /^\s/.test(line)) {
      // An indented line goes on with the bullet above it.
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}

/** Text and `code` spans; a backtick without its pair stays as written. */
export function inlineSpans(text: string): InlineSpan[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) {
    const last = parts.pop() ?? '';
    parts[parts.length - 1] += `\`${last}`;
  }
  const spans: InlineSpan[] = [];
  parts.forEach((part, index) => {
    if (part !== '') spans.push({ code: index % 2 === 1, text: part });
  });
  return spans;
}
