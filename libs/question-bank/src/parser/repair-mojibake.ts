/**
 * Repairs text whose UTF-8 bytes were once decoded as Windows-874 (Thai), e.g. "โ€ข" → "•",
 * "โœ“" → "✓", "๐Ÿš€" → "🚀".
 *
 * The reverse table is built from the platform's own decoder rather than a hand-written list:
 * every byte 0x80–0xFF is decoded with `TextDecoder('windows-874')`, and the character it yields
 * is mapped back to the byte. Windows-874 leaves some bytes undefined (0x81–0x84, 0x86–0x90,
 * 0x98–0x9F: the WHATWG decoder returns the C1 control with the same number); the tool that produced
 * the mojibake fell back to Windows-1252 for those (0x9C → "œ", 0x9F → "Ÿ"), so the Windows-1252
 * reading of those bytes is added as well. (Node's own "windows-1252" decoder returns Latin-1, i.e.
 * C1 controls, for 0x80–0x9F; Windows-1254 agrees with Windows-1252 on that range, so it stands in.)
 *
 * Runs of table characters are then turned back into bytes and re-decoded as UTF-8, one well-formed
 * sequence at a time: a character that does not belong to a valid multi-byte sequence (a genuine
 * "“" or "•" next to the mojibake, for instance) is left as it is.
 */

let reverseTable: Map<string, number> | undefined;

function isC1Control(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x80 && code <= 0x9f;
}

/** Character → byte, for every byte 0x80–0xFF as Windows-874 (with the Windows-1252 fallback) shows it. */
export function windows874ReverseTable(): ReadonlyMap<string, number> {
  if (reverseTable) return reverseTable;
  const table = new Map<string, number>();
  const thai = new TextDecoder('windows-874');
  const fallbacks = ['windows-1252', 'windows-1254'].map((label) => new TextDecoder(label));
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const bytes = Uint8Array.of(byte);
    const char = thai.decode(bytes);
    if (char !== '\uFFFD') table.set(char, byte);
    if (char === '\uFFFD' || isC1Control(char)) {
      const fallback = fallbacks.map((d) => d.decode(bytes)).find((c) => c !== '\uFFFD' && !isC1Control(c));
      if (fallback !== undefined && !table.has(fallback)) table.set(fallback, byte);
    }
  }
  reverseTable = table;
  return table;
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when the byte cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeRun(chars: string[], bytes: number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]);
    if (length > 0 && i + length <= bytes.length) {
      const slice = bytes.slice(i, i + length);
      if (slice.slice(1).every((b) => b >= 0x80 && b <= 0xbf)) {
        try {
          out += strictUtf8.decode(Uint8Array.from(slice));
          i += length;
          continue;
        } catch {
          // overlong or surrogate encoding: not a real sequence, keep the characters
        }
      }
    }
    out += chars[i];
    i += 1;
  }
  return out;
}

/** Returns the text with every Windows-874 mojibake sequence turned back into the character it encodes. */
export function repairMojibake(text: string): string {
  const table = windows874ReverseTable();
  let out = '';
  let runChars: string[] = [];
  let runBytes: number[] = [];
  const flush = () => {
    if (runChars.length > 0) out += decodeRun(runChars, runBytes);
    runChars = [];
    runBytes = [];
  };
  for (const char of text) {
    const byte = table.get(char);
    if (byte === undefined) {
      flush();
      out += char;
    } else {
      runChars.push(char);
      runBytes.push(byte);
    }
  }
  flush();
  return out;
}

/** Character sequences that betray mojibake (Windows-874 or Windows-1252 misreadings of UTF-8). */
export const MOJIBAKE_MARKERS = ['โ€', 'โœ', 'โ˜', '๐Ÿ', 'Ã', 'â€'] as const;

export function hasMojibake(text: string): boolean {
  return MOJIBAKE_MARKERS.some((marker) => text.includes(marker));
}
