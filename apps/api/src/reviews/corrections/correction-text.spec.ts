import { correctionTerms, realignWords, tidyCorrection } from './correction-text';

const timed = (text: string, startMs = 0, each = 300) =>
  text.split(' ').map((word, i) => ({ word, startMs: startMs + i * each, endMs: startMs + i * each + 250 }));

describe('a corrected line', () => {
  it('keeps the times of the words it keeps, and gives a replaced word the time of the word it replaces', () => {
    const words = timed('we put it in a cash in front of the database');
    const after = 'we put it in a cache in front of the database';
    const aligned = realignWords(words, words.map((w) => w.word).join(' '), after)!;
    expect(aligned.map((w) => w.word).join(' ')).toBe(after);
    expect(aligned[5]).toEqual({ word: 'cache', startMs: words[5].startMs, endMs: words[5].endMs });
    expect(aligned.slice(0, 5)).toEqual(words.slice(0, 5));
    expect(aligned.slice(6)).toEqual(words.slice(6));
  });

  it('spreads words that replace fewer or more over the time of what they replace, in order', () => {
    const words = timed('the token is a jay son web token');
    const aligned = realignWords(words, 'the token is a jay son web token', 'the token is a JSON web token')!;
    expect(aligned.map((w) => w.word)).toEqual(['the', 'token', 'is', 'a', 'JSON', 'web', 'token']);
    expect(aligned[4]).toEqual({ word: 'JSON', startMs: words[4].startMs, endMs: words[5].endMs });
    for (let i = 1; i < aligned.length; i++) expect(aligned[i].startMs).toBeGreaterThanOrEqual(aligned[i - 1].startMs);
    // Added words take the gap where they were put; removed ones are gone.
    const added = realignWords(
      words,
      'the token is a jay son web token',
      'so the token is a signed jay son web token',
    )!;
    expect(added.map((w) => w.word).join(' ')).toBe('so the token is a signed jay son web token');
    expect(added[5].startMs).toBeGreaterThanOrEqual(words[3].endMs);
    expect(added[5].endMs).toBeLessThanOrEqual(words[4].startMs);
    expect(realignWords(words, 'the token is a jay son web token', 'the token')!.map((w) => w.word)).toEqual([
      'the',
      'token',
    ]);
  });

  it('has no word times when the line had none, or they did not match its words', () => {
    expect(realignWords(null, 'a cash', 'a cache')).toBeNull();
    expect(realignWords(timed('a cash here'), 'a cash', 'a cache')).toBeNull();
  });

  it('teaches the words it brought in, without the common ones', () => {
    expect(
      correctionTerms('we put it in a cash in front of the database', 'we put it in a cache in front of the database'),
    ).toEqual(['cache']);
    expect(correctionTerms('the token is a jay son web token', 'the token is a JSON web token')).toEqual(['JSON']);
    expect(correctionTerms('i used sequel and reddish', 'I used SQL and the Redis cluster')).toEqual([
      'SQL',
      'Redis cluster',
    ]);
    // A rewrite teaches its technical words first, word by word.
    const rewrite = correctionTerms(
      'i think it depends',
      'REST exposes resources at fixed endpoints, and GraphQL has one endpoint with a schema.',
    );
    expect(rewrite.slice(0, 2)).toEqual(['REST', 'GraphQL']);
    expect(rewrite).toContain('schema');
    expect(rewrite.length).toBeLessThanOrEqual(8);
    expect(correctionTerms('the same words', 'The same words.')).toEqual([]);
  });

  it('is stored tidy', () => {
    expect(tidyCorrection('  a   cache\n here ')).toBe('a cache here');
  });
});
