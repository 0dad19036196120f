import { hasMojibake, repairMojibake, windows874ReverseTable } from './repair-mojibake';

/** Produces mojibake the way the seed was damaged: UTF-8 bytes shown through the reverse table. */
function damage(text: string): string {
  const byByte = new Map<number, string>();
  for (const [char, byte] of windows874ReverseTable())
    if (!byByte.has(byte) || char.codePointAt(0)! > 0x9f) byByte.set(byte, char);
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (b < 0x80 ? String.fromCharCode(b) : (byByte.get(b) ?? '?')))
    .join('');
}

describe('repairMojibake', () => {
  it('repairs the sequences found in seed 001', () => {
    expect(repairMojibake('โ€ขMy approach')).toBe('•My approach');
    expect(repairMojibake('โœ“Structured thinking')).toBe('✓Structured thinking');
    expect(repairMojibake('โœ—Ignoring data consistency')).toBe('✗Ignoring data consistency');
    expect(repairMojibake('โ˜…')).toBe('★');
    expect(repairMojibake('๐Ÿš€ AI-Powered Mock Interviews')).toBe('🚀 AI-Powered Mock Interviews');
  });

  it('leaves clean text alone, including genuine punctuation next to repaired sequences', () => {
    const clean = 'A “quoted” word — and a bullet • here, plus café and naïve.';
    expect(repairMojibake(clean)).toBe(clean);
    expect(repairMojibake('  • โ€ขText')).toBe('  • •Text');
    expect(repairMojibake('“โœ“”')).toBe('“✓”');
  });

  it('round-trips arbitrary UTF-8 text through the damage', () => {
    const samples = ['• ✓ ✗ ★ 🚀 → … “quotes” ‘single’ — –', 'Grüße, 東京, Ωmega, 👩‍💻'];
    for (const sample of samples) {
      const damaged = damage(sample);
      expect(damaged).not.toBe(sample);
      expect(repairMojibake(damaged)).toBe(sample);
    }
  });

  it('builds the reverse table from the decoder, covering every byte 0x80–0xFF', () => {
    const bytes = new Set(windows874ReverseTable().values());
    for (let b = 0x80; b <= 0xff; b++) expect(bytes.has(b)).toBe(true);
    expect(windows874ReverseTable().get('โ')).toBe(0xe2);
    expect(windows874ReverseTable().get('œ')).toBe(0x9c);
  });

  it('detects leftover mojibake', () => {
    expect(hasMojibake('โ€ข')).toBe(true);
    expect(hasMojibake('Ã©')).toBe(true);
    expect(hasMojibake('â€™')).toBe(true);
    expect(hasMojibake('plain “text” – fine')).toBe(false);
  });
});
