import { normalizeText, normalizeWords, numberToWords, wordErrorRate } from './wer';

describe('wordErrorRate', () => {
  it('counts substitutions, deletions and insertions', () => {
    expect(wordErrorRate('the cat sat on the mat', 'the cat sat on the mat')).toMatchObject({
      wer: 0,
      referenceWords: 6,
    });
    expect(wordErrorRate('the cat sat on the mat', 'the bat sat on mat')).toEqual({
      wer: 2 / 6,
      substitutions: 1,
      deletions: 1,
      insertions: 0,
      referenceWords: 6,
      hypothesisWords: 5,
    });
    expect(wordErrorRate('use a cache', 'use a read this cache')).toMatchObject({
      insertions: 2,
      substitutions: 0,
      deletions: 0,
      wer: 2 / 3,
    });
    expect(wordErrorRate('', '')).toMatchObject({ wer: 0 });
    expect(wordErrorRate('', 'noise')).toMatchObject({ wer: 1, insertions: 1 });
    expect(wordErrorRate('one two', '')).toMatchObject({ wer: 1, deletions: 2 });
  });

  it('normalises case, punctuation, hyphens, digits and quotes', () => {
    expect(normalizeText('Real-time, client/server APIs!  (e.g. REST)')).toBe('real time client server apis eg rest');
    expect(normalizeText('We’re at 15% of 2,000 users on the 3rd day, version 1.5')).toBe(
      "we're at fifteen percent of two thousand users on the third day version one point five",
    );
    expect(normalizeText('argon2 and 1NF')).toBe('argon two and one nf');
    expect(normalizeText("'quoted' don't")).toBe("quoted don't");
    expect(wordErrorRate('It takes 15 minutes.', 'it takes fifteen minutes').wer).toBe(0);
    expect(wordErrorRate('HTTP-only cookie', 'http only cookie').wer).toBe(0);
  });

  it('spells simple numbers', () => {
    expect(numberToWords('0')).toBe('zero');
    expect(numberToWords('21')).toBe('twenty one');
    expect(numberToWords('100')).toBe('one hundred');
    expect(numberToWords('2024')).toBe('two thousand twenty four');
    expect(numberToWords('1000000')).toBe('one million');
    expect(numberToWords('007')).toBe('zero zero seven');
    expect(numberToWords('12a')).toBeNull();
  });
});

describe('spelled-out acronyms', () => {
  it('counts "h t t p s" as the word https', () => {
    expect(normalizeWords('sent over h t t p s to the a p i')).toEqual(['sent', 'over', 'https', 'to', 'the', 'api']);
    expect(wordErrorRate('Use HTTPS everywhere', 'use h t t p s everywhere').wer).toBe(0);
  });

  it('keeps single-letter words', () => {
    expect(normalizeWords('I think a cache helps')).toEqual(['i', 'think', 'a', 'cache', 'helps']);
  });
});
