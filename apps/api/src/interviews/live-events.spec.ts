import { LIVE_EVENTS, parsePayload, refusalFor, type LiveActor, type LiveEvent, type LiveKind } from './live-events';

/**
 * The capability table, written out the other way round: for each kind of interview and each actor, the events they
 * may send. A change to who may do what shows here as a changed line.
 */
const MAY: Record<LiveKind, Record<LiveActor, LiveEvent[]>> = {
  ai: {
    candidate: [
      'interview:start',
      'interview:end',
      'audio:start',
      'audio:frame',
      'audio:route',
      'answer:done',
      'answer:text',
      'prompt:played',
      'prompt:interrupted',
      'code:state',
      'code:sync',
    ],
    interviewer: [],
    agent: ['audio:start', 'audio:frame', 'prompt:played', 'prompt:interrupted', 'agent:prompt-voice'],
  },
  human: {
    candidate: ['audio:start', 'audio:frame', 'audio:route', 'code:state', 'code:sync'],
    interviewer: [
      'interview:start',
      'interview:end',
      'audio:start',
      'audio:frame',
      'audio:route',
      'console:show',
      'console:rubric',
      'console:score',
      'console:note',
      'code:state',
      'code:point',
    ],
    agent: ['audio:start', 'audio:frame'],
  },
};

const EVENTS = Object.keys(LIVE_EVENTS) as LiveEvent[];
const ACTORS: LiveActor[] = ['candidate', 'interviewer', 'agent'];

describe('who may send each live event', () => {
  for (const kind of ['ai', 'human'] as const)
    for (const actor of ACTORS)
      it(`${kind} interview, ${actor}`, () => {
        const allowed = EVENTS.filter((event) => refusalFor(event, kind, actor) === null);
        expect(allowed.sort()).toEqual([...MAY[kind][actor]].sort());
      });

  it('refuses somebody who is not in the interview everything', () => {
    for (const kind of ['ai', 'human'] as const)
      for (const event of EVENTS) expect(refusalFor(event, kind, null)).not.toBeNull();
  });

  it('says why: the other kind of interview, the agent’s event, the interviewer’s, or not yours', () => {
    expect(refusalFor('answer:done', 'human', 'candidate')).toEqual({
      code: 'bad-request',
      message: 'answer:done is for AI interviews.',
    });
    expect(refusalFor('console:note', 'ai', 'candidate')).toEqual({
      code: 'bad-request',
      message: 'console:note is for sessions with a human interviewer.',
    });
    expect(refusalFor('agent:prompt-voice', 'ai', 'candidate')).toMatchObject({ code: 'not-your-session' });
    expect(refusalFor('interview:start', 'human', 'candidate')).toEqual({
      code: 'not-interviewer',
      message: 'Only the interviewer starts and ends the session.',
    });
    expect(refusalFor('code:sync', 'human', 'interviewer')).toEqual({
      code: 'not-candidate',
      message: 'Only the candidate types in the editor; the console watches it.',
    });
    // The agent holds no seat at the console either.
    expect(refusalFor('console:note', 'human', 'agent')).toMatchObject({ code: 'not-interviewer' });
    expect(refusalFor('audio:route', 'ai', 'agent')).toEqual({
      code: 'not-your-session',
      message: 'The agent only sends audio.',
    });
    expect(refusalFor('audio:frame', 'ai', null)).toEqual({
      code: 'not-your-session',
      message: 'This is not your interview.',
    });
  });
});

describe('what each live event may carry', () => {
  const refused = (event: LiveEvent, ...args: unknown[]) => {
    const parsed = parsePayload(event, args);
    return 'refusal' in parsed ? parsed.refusal : null;
  };
  const value = (event: LiveEvent, ...args: unknown[]) => {
    const parsed = parsePayload(event, args);
    if ('refusal' in parsed) throw new Error(parsed.refusal.message);
    return parsed.value;
  };

  it('audio:start: a stream id and 16 kHz', () => {
    expect(value('audio:start', { streamId: 'abc-123', sampleRate: 16_000 })).toEqual({
      streamId: 'abc-123',
      speaker: undefined,
    });
    expect(refused('audio:start', { streamId: 'a b', sampleRate: 16_000 })).toMatchObject({ code: 'bad-request' });
    expect(refused('audio:start', { streamId: 'abc-123', sampleRate: 44_100 })).toMatchObject({ code: 'bad-rate' });
    expect(refused('audio:start', 'abc-123')).toMatchObject({ code: 'bad-request' });
    expect(refused('audio:start')).toMatchObject({ code: 'bad-request' });
  });

  it('audio:route: room or socket', () => {
    expect(value('audio:route', 'room')).toBe('room');
    expect(refused('audio:route', 'sideways')).toMatchObject({ code: 'bad-request' });
  });

  it('answer:text: cleaned text, within its length, without control characters', () => {
    expect(value('answer:text', '  Caf\u0065\u0301 first\r\nthen cache  ')).toBe('Café first\nthen cache');
    expect(refused('answer:text', '   ')).toMatchObject({ message: 'answer:text needs the answer as text.' });
    expect(refused('answer:text', 42)).toMatchObject({ code: 'bad-request' });
    expect(refused('answer:text', 'x'.repeat(20_000))).toMatchObject({ message: /up to \d+ characters/ });
    expect(refused('answer:text', 'bad \u0007 bell')).toMatchObject({ message: /control characters/ });
  });

  it('prompt numbers are whole numbers from 0; a stop point that is no time is unknown', () => {
    expect(value('prompt:played', 3)).toBe(3);
    expect(refused('prompt:played', -1)).not.toBeNull();
    expect(refused('prompt:played', 1.5)).not.toBeNull();
    expect(refused('agent:prompt-voice', '3')).not.toBeNull();
    expect(value('prompt:interrupted', 2, 1500)).toEqual({ seq: 2, atMs: 1500 });
    expect(value('prompt:interrupted', 2)).toEqual({ seq: 2, atMs: null });
    expect(value('prompt:interrupted', 2, Number.POSITIVE_INFINITY)).toEqual({ seq: 2, atMs: null });
    expect(value('prompt:interrupted', 2, 4_000_000)).toEqual({ seq: 2, atMs: null });
  });

  it('console:show: a question by number, or a follow-up with its text', () => {
    expect(value('console:show', { kind: 'question', questionIndex: 1, text: 'ignored' })).toEqual({
      kind: 'question',
      questionIndex: 1,
    });
    expect(value('console:show', { kind: 'follow-up', questionIndex: 0, text: ' Why Redis? ' })).toEqual({
      kind: 'follow-up',
      questionIndex: 0,
      text: 'Why Redis?',
    });
    expect(refused('console:show', { kind: 'hint', questionIndex: 0 })).toMatchObject({ code: 'bad-request' });
    expect(refused('console:show', { kind: 'question', questionIndex: '1' })).toMatchObject({ code: 'bad-request' });
    expect(refused('console:show', { kind: 'follow-up', questionIndex: 0 })).toMatchObject({ code: 'bad-request' });
    expect(refused('console:show', { kind: 'follow-up', questionIndex: 0, text: 'a\u202Eb' })).toMatchObject({
      message: 'The follow-up contains control characters.',
    });
  });

  it('console:rubric: a point, ticked, unticked or left to the engine', () => {
    for (const covered of [true, false, null])
      expect(value('console:rubric', { questionIndex: 0, pointId: 'q#1', covered })).toEqual({
        questionIndex: 0,
        pointId: 'q#1',
        covered,
      });
    expect(refused('console:rubric', { questionIndex: 0, pointId: 'q#1', covered: 'yes' })).not.toBeNull();
    expect(refused('console:rubric', { questionIndex: 0, covered: true })).not.toBeNull();
  });

  it('console:score: four scores from 0 to 10, to one decimal', () => {
    const scores = { relevance: 7.26, depth: 6, clarity: 8, correctness: 10 };
    expect(value('console:score', { questionIndex: 0, scores })).toEqual({
      questionIndex: 0,
      scores: { relevance: 7.3, depth: 6, clarity: 8, correctness: 10 },
    });
    expect(refused('console:score', { questionIndex: 0, scores: { ...scores, depth: 11 } })).toMatchObject({
      message: 'depth must be a number from 0 to 10.',
    });
    expect(refused('console:score', { questionIndex: 0, scores: { ...scores, clarity: Number.NaN } })).not.toBeNull();
    expect(refused('console:score', { questionIndex: 0 })).not.toBeNull();
  });

  it('console:note: text, private or shared, about a question or the whole session', () => {
    expect(value('console:note', { text: 'Strong on caching', visibility: 'shared' })).toEqual({
      questionIndex: null,
      text: 'Strong on caching',
      visibility: 'shared',
    });
    expect(value('console:note', { questionIndex: 2, text: 'x', visibility: 'private' })).toMatchObject({
      questionIndex: 2,
    });
    expect(refused('console:note', { text: 'x', visibility: 'public' })).not.toBeNull();
    expect(refused('console:note', { text: '', visibility: 'private' })).not.toBeNull();
    expect(refused('console:note', { questionIndex: -1, text: 'x', visibility: 'private' })).not.toBeNull();
  });

  it('code:state, code:sync, code:point: a coding question, a copy and its bytes, a line', () => {
    expect(value('code:state', 'parse-http-query-string')).toBe('parse-http-query-string');
    expect(refused('code:state', '../etc/passwd')).not.toBeNull();
    expect(refused('code:state', 42)).not.toBeNull();
    const update = new Uint8Array([1, 2, 3]);
    expect(value('code:sync', { questionId: 'parse-http-query-string', epoch: 'abc_12-x', update })).toEqual({
      questionId: 'parse-http-query-string',
      epoch: 'abc_12-x',
      update,
    });
    // Bytes as a Node Buffer or an ArrayBuffer are bytes too; text, numbers and empty edits are not.
    expect(value('code:sync', { questionId: 'q', epoch: 'e', update: Buffer.from([9]) })).toMatchObject({
      update: Buffer.from([9]),
    });
    expect(value('code:sync', { questionId: 'q', epoch: 'e', update: new ArrayBuffer(2) })).toMatchObject({
      update: new Uint8Array(2),
    });
    for (const bad of ['text', 7, new Uint8Array(0), null])
      expect(refused('code:sync', { questionId: 'q', epoch: 'e', update: bad })).not.toBeNull();
    expect(refused('code:sync', { questionId: 'q', epoch: 'not a copy!', update })).not.toBeNull();
    expect(value('code:point', { questionId: 'q', line: 12 })).toEqual({ questionId: 'q', line: 12 });
    expect(value('code:point', { questionId: 'q', line: null })).toEqual({ questionId: 'q', line: null });
    for (const line of [0, -3, 1.5, '4', undefined])
      expect(refused('code:point', { questionId: 'q', line })).not.toBeNull();
  });
});
