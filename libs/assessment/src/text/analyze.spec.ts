import { analyze, termList, tokenize } from './analyze';
import { findQuote } from './quotes';
import { stem } from './stem';

describe('stemming and aliases', () => {
  it('meets word forms at one stem', () => {
    expect(new Set(['idempotent', 'idempotency', 'idempotence'].map(stem)).size).toBe(1);
    expect(new Set(['cache', 'cached', 'caching', 'caches'].map(stem)).size).toBe(1);
    expect(new Set(['index', 'indexes', 'indexing', 'indexed'].map(stem)).size).toBe(1);
    expect(stem('relational')).toBe('relat');
    expect(stem('node.js')).toBe('node.js');
  });

  it('folds synonyms, multi-word phrases and ASR spellings into one term', () => {
    const same = (a: string, b: string) => expect(termList(a)).toEqual(termList(b));
    same('rate limiting', 'throttling');
    same('rate limiter', 'throttle');
    same('indices', 'indexes');
    same('sequel', 'SQL');
    same('post gres', 'PostgreSQL');
    same('idempotency key', 'idempotent');
    same('web sockets', 'WebSocket');
    same('time to live', 'TTL');
    same('n plus one', 'N+1');
    same('micro services', 'microservices');
    expect(termList('the trade-off is server-side')).toEqual(termList('the trade off is server side'));
  });

  it('drops stop words and bare numbers from content terms', () => {
    expect(termList('I would use the cache for 100 of them')).toEqual(['cach']);
  });
});

describe('tokens and fillers', () => {
  it('keeps character offsets into the original text', () => {
    const text = 'Use Redis’s INCR — then EXPIRE.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end).toLowerCase().replace('’', "'")).toBe(t.lower);
  });

  it('counts um, uh, basically, "you know", "i mean" and filler "like", but not meaningful "like"', () => {
    const a = analyze(
      'so um like we basically you know put a cache like redis in front and uh i mean it would look like this you know what i mean',
    );
    expect(Object.fromEntries(a.fillers)).toEqual({ um: 1, like: 1, basically: 1, 'you know': 1, uh: 1, 'i mean': 2 });
    expect(a.fillerCount).toBe(7);
    expect(a.tokens.filter((t) => t.lower === 'like' && !t.isFiller)).toHaveLength(2);
  });
});

describe('findQuote', () => {
  const transcript = 'First, I would clarify the requirements. Then: use Redis with a Lua script!';
  it('finds exact, case- and punctuation-insensitive and nearly-equal quotes with real offsets', () => {
    for (const quote of [
      'use Redis with a Lua script',
      'then use redis with a lua script',
      'i would clarify requirements',
      '“First, I would clarify the requirements.”',
    ]) {
      const span = findQuote(transcript, quote);
      expect(span).not.toBeNull();
      expect(transcript.slice(span?.start, span?.end)).toBe(span?.quote);
    }
  });
  it('returns null for an invented quote', () => {
    expect(findQuote(transcript, 'we would use a leaky bucket in memcached')).toBeNull();
    expect(findQuote(transcript, '')).toBeNull();
    expect(findQuote(transcript, null)).toBeNull();
  });
});
