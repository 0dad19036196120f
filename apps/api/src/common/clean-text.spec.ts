import { normaliseText, textProblem } from './clean-text';

describe('clean text (names, titles)', () => {
  it('stores names in NFC with single spaces', () => {
    expect(normaliseText('  Ame\u0301lie   Dupont ')).toBe('Amélie Dupont');
    expect(normaliseText('Ann\tLee')).toBe('Ann Lee');
  });

  it('accepts names in any script, with punctuation and emoji', () => {
    for (const name of ['Ann Lee', 'Zoë O’Brien', '李小龙', 'محمد', 'J. R. R. Tolkien', 'Sam 🚀', 'Ольга'])
      expect(textProblem(name)).toBeNull();
  });

  it('refuses control, text-direction and zero-width characters, lone surrogates, and names with nothing to see', () => {
    expect(textProblem('Eve\u202Etsinimda')).toMatch(/text-direction/);
    expect(textProblem('Ev\u2067e')).toMatch(/text-direction/);
    expect(textProblem('Ev\u200Be')).toMatch(/zero-width/);
    expect(textProblem('Eve\u0000')).toMatch(/control/);
    expect(textProblem('Eve\u0085')).toMatch(/control/);
    expect(textProblem('Eve\uD800')).toBe('must be valid Unicode text');
    expect(textProblem('\uDC00Eve')).toBe('must be valid Unicode text');
    expect(textProblem('\u0301\u0308')).toBe('must contain a letter or a digit');
    expect(textProblem('   ')).toBe('must contain a letter or a digit');
  });
});
