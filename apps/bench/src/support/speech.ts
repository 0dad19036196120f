import { AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { concatPcm, FliteTextToSpeech, wavToPcm16k } from '@mockroom/speech';
import { seededRandom } from './stats';

/** The 16 kHz flite voice (the candidate's voice in every benchmark). */
const VOICE = 'kal16';

export interface SpokenAnswer {
  questionId: string;
  text: string;
  /** 16 kHz mono Int16 speech, sentence by sentence with pauses between. */
  pcm: Int16Array;
  durationMs: number;
}

export function silence(ms: number): Int16Array {
  return new Int16Array(Math.round((ms / 1000) * AUDIO_SAMPLE_RATE));
}

/** Longest piece spoken in one breath; longer sentences (lists run together with ";" or ",") are split. */
const MAX_PIECE_CHARS = 300;

/** Sentences end at ., ! or ? followed by a capital letter ("e.g., stock prices" stays whole). */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?]["')\]]?)\s+(?=[A-Z0-9])/)
    .flatMap(pieces)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A long sentence in pieces at ";", ":" or "," (between words as a last resort), each at most MAX_PIECE_CHARS. */
function pieces(sentence: string): string[] {
  if (sentence.length <= MAX_PIECE_CHARS) return [sentence];
  const units = sentence
    .split(/(?<=[;:,])\s+/)
    .flatMap((clause) => (clause.length <= MAX_PIECE_CHARS ? [clause] : clause.split(' ')));
  const out: string[] = [];
  let current = '';
  for (const unit of units) {
    if (current && current.length + unit.length + 1 > MAX_PIECE_CHARS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${unit}` : unit;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Sample answers from the question bank spoken by flite, each sentence on its own with a pause of
 * `pauseMs` (uniform, seeded) before the next, the way people pause between sentences: pauses longer
 * than the endpointer's segment pause split the answer into segments, shorter ones do not. Each answer
 * gets a length drawn between `minMs` and `maxMs` (seeded) and stops at the first sentence end past it,
 * never past `maxMs`; answers that stay shorter than `minMs` are skipped.
 */
export async function spokenAnswers(options: {
  count: number;
  minMs: number;
  maxMs: number;
  pauseMs: [number, number];
  seed?: number;
}): Promise<SpokenAnswer[]> {
  const tts = new FliteTextToSpeech({ voice: VOICE });
  const random = seededRandom(options.seed ?? 1);
  const bank = QuestionBank.load();
  const out: SpokenAnswer[] = [];
  for (const summary of bank.list({ limit: 100 }).items) {
    if (out.length >= options.count) break;
    const question = bank.get(summary.id);
    if (!question?.sampleAnswer) continue;
    const parts: Int16Array[] = [];
    const said: string[] = [];
    const targetMs = options.minMs + random() * (options.maxMs - options.minMs);
    let samples = 0;
    for (const sentence of sentences(question.sampleAnswer)) {
      if ((samples / AUDIO_SAMPLE_RATE) * 1000 >= targetMs) break;
      const speech = wavToPcm16k((await tts.synthesize(sentence)).wav);
      const pause = silence(options.pauseMs[0] + random() * (options.pauseMs[1] - options.pauseMs[0]));
      const before = parts.length ? pause : silence(0);
      if (((samples + before.length + speech.length) / AUDIO_SAMPLE_RATE) * 1000 > options.maxMs) break;
      parts.push(before, speech);
      said.push(sentence);
      samples += before.length + speech.length;
    }
    const pcm = concatPcm(parts);
    const durationMs = (pcm.length / AUDIO_SAMPLE_RATE) * 1000;
    if (durationMs >= options.minMs) out.push({ questionId: question.id, text: said.join(' '), pcm, durationMs });
  }
  if (out.length < options.count)
    throw new Error(
      `only ${out.length} sample answers of ${options.minMs / 1000}–${options.maxMs / 1000} s in the bank (wanted ${options.count})`,
    );
  return out;
}
