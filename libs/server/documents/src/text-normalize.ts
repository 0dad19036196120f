/**
 * Decodes bytes as text if they are text: valid UTF-8 (or UTF-16 with its byte-order mark, as Windows Notepad
 * saves "Unicode"), no NUL bytes, and at most a few control characters. Returns null for anything else.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    else if (bytes.includes(0)) return null;
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Tabs, newlines, carriage returns and form feeds are ordinary in text; NUL and other C0/C1 controls are binary.
  const allowed = Math.max(2, text.length / 1000);
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return null;
    const control =
      code < 0x20 ? code !== 9 && code !== 10 && code !== 12 && code !== 13 : code >= 0x7f && code <= 0x9f;
    if (control && ++controls > allowed) return null;
  }
  return text;
}

/**
 * The form every extracted text takes: no byte-order mark, `\n` line endings, NFC (so "ë" is one code point whichever
 * way the file spelled it), no control characters but tab and newline, no trailing spaces, no leading or trailing
 * blank lines, and at most one blank line in a row.
 *
 * Line by line rather than with `/\s+$/gm`-style patterns, which take quadratic time on long runs of spaces: this
 * runs on untrusted text of up to 5 MB.
 */
export function normalizeText(raw: string): string {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n')
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '')
    .split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(trimmed);
  }
  if (kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
