import {
  AUDIO_SAMPLE_RATE,
  type CodePoint,
  TYPED_ANSWER_MAX_CHARS,
  type ClientToServerEvents,
  type NoteCommand,
  type RubricOverrideCommand,
  type ScoreCommand,
  type ShowPromptCommand,
  type SocketError,
} from '@mockroom/contracts';
import { isIn, isInt } from 'class-validator';
import { hasControlCharacters } from '../common/clean-text';

/**
 * What each client event of a live interview may carry and who may send it: one row per event, read by the gateway
 * before it calls the interview's runtime. Nothing here touches a socket or a runtime, so the table is tested on its own.
 */

/** Who is asking, in the interview their socket joined. */
export type LiveActor = 'candidate' | 'interviewer' | 'agent';
/** Who interviews: the AI interviewer, or a person at the console. */
export type LiveKind = 'ai' | 'human';
export type Refusal = Pick<SocketError, 'code' | 'message'>;
export type Parsed<T> = { value: T } | { refusal: Refusal };

export const NOTE_MAX_CHARS = 4000;
export const FOLLOW_UP_MAX_CHARS = 500;
const STREAM_ID = /^[A-Za-z0-9_-]{6,64}$/;
/** A prompt is at most an hour of speech: a stop point past that is no stop point. */
const MAX_PROMPT_MS = 3_600_000;

export interface AudioStartPayload {
  streamId: string;
  /** The media agent says whose audio it brings (checked against the interview's voices by the gateway). */
  speaker: unknown;
}

interface EventRule<T> {
  /** Who may send it in an AI interview and in a human session; an empty list: not an event of that kind. */
  ai: readonly LiveActor[];
  human: readonly LiveActor[];
  /** What the candidate of a human session hears when they try an interviewer's event. */
  interviewerOnly?: string;
  /** What the interviewer of a human session hears when they try the candidate's event. */
  candidateOnly?: string;
  /** The payload (the event's arguments, ack removed), checked for shape; what needs the interview's state is not. */
  parse: (args: readonly unknown[]) => Parsed<T>;
}

const none = (): Parsed<null> => ({ value: null });
const bad = (message: string): { refusal: Refusal } => ({ refusal: { code: 'bad-request', message } });

/** Multi-line text typed by a person: NFC, one kind of line break, trimmed, without control characters. */
function typedText(value: unknown, what: string, max: number): Parsed<string> {
  const text = typeof value === 'string' ? value.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
  if (!text || text.length > max) return bad(`${what} needs text (1–${max} characters).`);
  if (hasControlCharacters(text)) return bad(`${what} contains control characters.`);
  return { value: text };
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function questionIndex(value: unknown): Parsed<number> {
  return isInt(value) && (value as number) >= 0
    ? { value: value as number }
    : bad('questionIndex must be a question number (0 for the first).');
}

function promptSeq(value: unknown, event: string): Parsed<number> {
  return isInt(value) && (value as number) >= 0 ? { value: value as number } : bad(`${event} needs a prompt number.`);
}

const SCORE_KEYS = ['relevance', 'depth', 'clarity', 'correctness'] as const;

const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const EPOCH = /^[A-Za-z0-9_-]{1,64}$/;

function codingQuestion(value: unknown): Parsed<string> {
  return typeof value === 'string' && QUESTION_ID.test(value)
    ? { value }
    : bad('questionId names the coding question.');
}

/** Bytes as Socket.IO delivers them (a Buffer in Node, a view or an ArrayBuffer from elsewhere), or null. */
export function binary(value: unknown): Uint8Array | null {
  if (Buffer.isBuffer(value)) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  // Checked by tag, not instanceof: the buffer may come from another realm.
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') return new Uint8Array(value as ArrayBuffer);
  return null;
}

/** A row, keeping its lists' literal types (the gateway types each event's runtime by them). */
function rule<T, const A extends readonly LiveActor[], const H extends readonly LiveActor[]>(
  r: EventRule<T> & { ai: A; human: H },
): EventRule<T> & { ai: A; human: H } {
  return r;
}

/** Every client event but the join (anyone who may see the interview tries it) and `whoami`. */
export const LIVE_EVENTS = {
  'interview:start': rule({
    ai: ['candidate'],
    human: ['interviewer'],
    interviewerOnly: 'Only the interviewer starts and ends the session.',
    parse: none,
  }),
  'interview:end': rule({
    ai: ['candidate'],
    human: ['interviewer'],
    interviewerOnly: 'Only the interviewer starts and ends the session.',
    parse: none,
  }),
  'audio:start': rule({
    ai: ['candidate', 'agent'],
    human: ['candidate', 'interviewer', 'agent'],
    parse: ([body]): Parsed<AudioStartPayload> => {
      const { streamId, sampleRate, speaker } = record(body);
      if (typeof streamId !== 'string' || !STREAM_ID.test(streamId))
        return bad('streamId must be 6–64 letters, digits, "-" or "_".');
      if (sampleRate !== AUDIO_SAMPLE_RATE)
        return {
          refusal: {
            code: 'bad-rate',
            message: `Audio must be ${AUDIO_SAMPLE_RATE} Hz mono 16-bit PCM; got ${String(sampleRate)} Hz.`,
          },
        };
      return { value: { streamId, speaker } };
    },
  }),
  /** The hot path checks frames itself (fifty a second); the row says who may send them. */
  'audio:frame': rule({ ai: ['candidate', 'agent'], human: ['candidate', 'interviewer', 'agent'], parse: none }),
  'audio:route': rule({
    ai: ['candidate'],
    human: ['candidate', 'interviewer'],
    parse: ([route]): Parsed<'room' | 'socket'> =>
      isIn(route, ['room', 'socket'])
        ? { value: route as 'room' | 'socket' }
        : bad('route must be "room" or "socket".'),
  }),
  'answer:done': rule({ ai: ['candidate'], human: [], parse: none }),
  'answer:text': rule({
    ai: ['candidate'],
    human: [],
    parse: ([body]): Parsed<string> => {
      const text = typeof body === 'string' ? body.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
      if (!text) return bad('answer:text needs the answer as text.');
      if (text.length > TYPED_ANSWER_MAX_CHARS)
        return bad(`A typed answer can be up to ${TYPED_ANSWER_MAX_CHARS} characters.`);
      // Control characters (NUL and the like) have no place in an answer and break storage; tabs and new lines are fine.
      if (hasControlCharacters(text)) return bad('The answer contains control characters.');
      return { value: text };
    },
  }),
  'prompt:played': rule({
    ai: ['candidate', 'agent'],
    human: [],
    parse: ([seq]): Parsed<number> => promptSeq(seq, 'prompt:played'),
  }),
  'prompt:interrupted': rule({
    ai: ['candidate', 'agent'],
    human: [],
    parse: ([seq, atMs]): Parsed<{ seq: number; atMs: number | null }> => {
      const parsed = promptSeq(seq, 'prompt:interrupted');
      if ('refusal' in parsed) return parsed;
      // Where the voice stopped: a number of ms into the prompt, or unknown (then nothing is taken up again).
      const at = typeof atMs === 'number' && Number.isFinite(atMs) && atMs >= 0 && atMs <= MAX_PROMPT_MS ? atMs : null;
      return { value: { seq: parsed.value, atMs: at } };
    },
  }),
  'agent:prompt-voice': rule({
    ai: ['agent'],
    human: [],
    parse: ([seq]): Parsed<number> => promptSeq(seq, 'agent:prompt-voice'),
  }),
  'console:show': rule({
    ai: [],
    human: ['interviewer'],
    parse: ([body]): Parsed<ShowPromptCommand> => {
      const { kind, questionIndex: index, text } = record(body);
      if (kind !== 'question' && kind !== 'follow-up') return bad('kind must be "question" or "follow-up".');
      const parsedIndex = questionIndex(index);
      if ('refusal' in parsedIndex) return parsedIndex;
      if (kind === 'question') return { value: { kind, questionIndex: parsedIndex.value } };
      const clean = typedText(text, 'The follow-up', FOLLOW_UP_MAX_CHARS);
      return 'refusal' in clean ? clean : { value: { kind, questionIndex: parsedIndex.value, text: clean.value } };
    },
  }),
  'console:rubric': rule({
    ai: [],
    human: ['interviewer'],
    parse: ([body]): Parsed<RubricOverrideCommand> => {
      const { questionIndex: index, pointId, covered } = record(body);
      const parsedIndex = questionIndex(index);
      if ('refusal' in parsedIndex) return parsedIndex;
      if (typeof pointId !== 'string' || !pointId) return bad('pointId names a rubric point of the question.');
      if (covered !== null && typeof covered !== 'boolean') return bad('covered must be true, false or null.');
      return { value: { questionIndex: parsedIndex.value, pointId, covered } };
    },
  }),
  'console:score': rule({
    ai: [],
    human: ['interviewer'],
    parse: ([body]): Parsed<ScoreCommand> => {
      const { questionIndex: index, scores } = record(body);
      const parsedIndex = questionIndex(index);
      if ('refusal' in parsedIndex) return parsedIndex;
      const given = record(scores);
      const out = {} as ScoreCommand['scores'];
      for (const key of SCORE_KEYS) {
        const value = given[key];
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 10)
          return bad(`${key} must be a number from 0 to 10.`);
        out[key] = Math.round(value * 10) / 10;
      }
      return { value: { questionIndex: parsedIndex.value, scores: out } };
    },
  }),
  'console:note': rule({
    ai: [],
    human: ['interviewer'],
    parse: ([body]): Parsed<NoteCommand> => {
      const { questionIndex: index, text, visibility } = record(body);
      let at: number | null = null;
      if (index !== null && index !== undefined) {
        const parsedIndex = questionIndex(index);
        if ('refusal' in parsedIndex) return parsedIndex;
        at = parsedIndex.value;
      }
      const clean = typedText(text, 'A note', NOTE_MAX_CHARS);
      if ('refusal' in clean) return clean;
      if (visibility !== 'private' && visibility !== 'shared') return bad('visibility must be "private" or "shared".');
      return { value: { questionIndex: at, text: clean.value, visibility } };
    },
  }),
  'code:state': rule({
    ai: ['candidate'],
    human: ['candidate', 'interviewer'],
    parse: ([questionId]): Parsed<string> => codingQuestion(questionId),
  }),
  'code:sync': rule({
    ai: ['candidate'],
    human: ['candidate'],
    candidateOnly: 'Only the candidate types in the editor; the console watches it.',
    parse: ([body]): Parsed<CodeSyncPayload> => {
      const { questionId, epoch, update } = record(body);
      const question = codingQuestion(questionId);
      if ('refusal' in question) return question;
      if (typeof epoch !== 'string' || !EPOCH.test(epoch))
        return bad('epoch names the copy of the editor the edit was made on.');
      const bytes = binary(update);
      if (!bytes || bytes.byteLength === 0) return bad('update must be the edit, as bytes.');
      return { value: { questionId: question.value, epoch, update: bytes } };
    },
  }),
  'code:point': rule({
    ai: [],
    human: ['interviewer'],
    parse: ([body]): Parsed<CodePoint> => {
      const { questionId, line } = record(body);
      const question = codingQuestion(questionId);
      if ('refusal' in question) return question;
      if (line !== null && !(isInt(line) && (line as number) >= 1 && (line as number) <= 100_000))
        return bad('line must be a line number (1 for the first), or null to stop pointing.');
      return { value: { questionId: question.value, line: line as number | null } };
    },
  }),
} satisfies Partial<Record<keyof ClientToServerEvents, EventRule<unknown>>>;

/** An edit of a question's editor, its bytes checked to be bytes (what they say, the session's document checks). */
export interface CodeSyncPayload {
  questionId: string;
  epoch: string;
  update: Uint8Array;
}

export type LiveEvent = keyof typeof LIVE_EVENTS;
export type PayloadOf<E extends LiveEvent> = (typeof LIVE_EVENTS)[E] extends EventRule<infer T> ? T : never;

/**
 * Why `actor` may not send `event` in an interview of this kind, or null when it may. The reasons, in order: the event
 * belongs to the other kind of interview; it is the media agent's; it is the interviewer's; it is the candidate's; the
 * agent only brings audio; it is somebody else's interview.
 */
export function refusalFor(event: LiveEvent, kind: LiveKind, actor: LiveActor | null): Refusal | null {
  const row: EventRule<unknown> = LIVE_EVENTS[event];
  const allowed = row[kind];
  if (actor && allowed.includes(actor)) return null;
  if (allowed.length === 0)
    return {
      code: 'bad-request',
      message: kind === 'ai' ? `${event} is for sessions with a human interviewer.` : `${event} is for AI interviews.`,
    };
  if (allowed.length === 1 && allowed[0] === 'agent')
    return { code: 'not-your-session', message: `${event} is for the media agent.` };
  if (kind === 'human' && allowed.includes('interviewer') && !allowed.includes('candidate'))
    return { code: 'not-interviewer', message: row.interviewerOnly ?? 'Only the interviewer can do this.' };
  if (kind === 'human' && actor === 'interviewer' && allowed.includes('candidate'))
    return { code: 'not-candidate', message: row.candidateOnly ?? 'Only the candidate can do this.' };
  if (actor === 'agent') return { code: 'not-your-session', message: 'The agent only sends audio.' };
  return {
    code: 'not-your-session',
    message: kind === 'human' ? 'This is not your session.' : 'This is not your interview.',
  };
}

/** The event's payload, checked. */
export function parsePayload<E extends LiveEvent>(event: E, args: readonly unknown[]): Parsed<PayloadOf<E>> {
  const row = LIVE_EVENTS[event] as EventRule<PayloadOf<E>>;
  return row.parse(args);
}

/** The kinds of interview an event belongs to, from its row. */
export type KindOf<E extends LiveEvent> = (typeof LIVE_EVENTS)[E]['ai'] extends readonly []
  ? 'human'
  : (typeof LIVE_EVENTS)[E]['human'] extends readonly []
    ? 'ai'
    : LiveKind;
