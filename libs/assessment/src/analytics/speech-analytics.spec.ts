import { longPauses, speechAnalytics, talkTime } from './speech-analytics';

describe('speech analytics from segments', () => {
  const segments = [
    { text: 'um so i think the first thing is basically caching', startMs: 0, endMs: 4_000 },
    { text: 'uh you know like maybe a cdn in front', startMs: 4_500, endMs: 8_000 },
    { text: 'and sort of a redis cache for the api i guess', startMs: 11_000, endMs: 15_000 },
    { text: 'caching the api responses with a short ttl', startMs: 20_000, endMs: 23_000 },
  ];
  const transcript = segments.map((s) => s.text).join(' ');

  it('computes talk time, words per minute, fillers, long pauses, hedges and top words', () => {
    const a = speechAnalytics(transcript, segments);
    expect(a).not.toBeNull();
    expect(a?.talkTimeMs).toBe(4_000 + 3_500 + 4_000 + 3_000);
    const words = transcript.split(' ').length;
    expect(a?.wordsPerMinute).toBeCloseTo(words / (14_500 / 60_000), 0);
    expect(a?.fillers).toEqual(
      expect.arrayContaining([
        { word: 'um', count: 1 },
        { word: 'uh', count: 1 },
        { word: 'basically', count: 1 },
        { word: 'you know', count: 1 },
        { word: 'like', count: 1 },
      ]),
    );
    expect(a?.fillerCount).toBe(5);
    expect(a?.longPauses).toEqual([
      { startMs: 8_000, durationMs: 3_000 },
      { startMs: 15_000, durationMs: 5_000 },
    ]);
    expect(a?.hedges).toEqual(
      expect.arrayContaining([
        { phrase: 'i think', count: 1 },
        { phrase: 'maybe', count: 1 },
        { phrase: 'sort of', count: 1 },
        { phrase: 'i guess', count: 1 },
      ]),
    );
    expect(a?.topWords[0]).toEqual({ word: 'api', count: 2 });
    expect(a?.topWords.map((w) => w.word)).toEqual(expect.arrayContaining(['caching', 'api']));
    expect(a?.topWords.map((w) => w.word)).not.toContain('the');
  });

  it('is null without segments (pace and pauses need timing)', () => {
    expect(speechAnalytics(transcript, undefined)).toBeNull();
    expect(speechAnalytics(transcript, [])).toBeNull();
  });

  it('counts overlapping segments once and ignores gaps under 2 s', () => {
    expect(
      talkTime([
        { text: 'a', startMs: 0, endMs: 2_000 },
        { text: 'b', startMs: 1_000, endMs: 3_000 },
      ]),
    ).toBe(3_000);
    expect(
      longPauses([
        { text: 'a', startMs: 0, endMs: 1_000 },
        { text: 'b', startMs: 2_900, endMs: 4_000 },
      ]),
    ).toEqual([]);
    expect(
      longPauses([
        { text: 'a', startMs: 0, endMs: 1_000 },
        { text: 'b', startMs: 3_000, endMs: 4_000 },
      ]),
    ).toEqual([{ startMs: 1_000, durationMs: 2_000 }]);
  });

  it('uses the segments’ text when the transcript is empty', () => {
    expect(speechAnalytics('', segments)?.fillerCount).toBe(5);
  });
});
