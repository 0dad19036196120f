/**
 * How much a score loses to transcription: answers written for the tests (the held-out set: a strong and a partial
 * answer per question, in other words than the seeds') are spoken by flite sentence by sentence, transcribed by
 * PocketSphinx one sentence (segment) at a time with the question's key terms as hints, as a live answer is, and
 * scored by the rubric engine twice: on the text as written and on the text as heard. The goal: the score of a
 * transcribed answer within 1 point of the same answer's clean text (mean drop ≤ 0.3, max ≤ 1.0).
 *
 *   npm run bench -- robustness [--questions 12] [--kinds strong,partial] [--cache DIR] [--show 8]
 *
 * Transcripts are kept in `--cache` (default: a folder in the system's temp dir) keyed by the text, the voice and the
 * hints, so a second run (after a change to the engine) scores the same transcripts without decoding them again.
 */
import { heldOutAnswers, RubricEngine, type HeldOutAnswer, type HeldOutKind } from '@mockroom/assessment';
import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { FliteTextToSpeech, PocketSphinxSpeechToText, wavToPcm16k, wordErrorRate } from '@mockroom/speech';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sentences } from './support/speech';

const VOICE = 'kal16';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

interface Row {
  questionId: string;
  kind: HeldOutKind;
  clean: number;
  heard: number;
  /** As heard, without reading sound-alikes as the question's terms. */
  literal: number;
  wer: number;
  text: string;
  transcript: string;
}

/** Questions spread over the bank (every n-th of those the held-out set answers), so each category has its share. */
function pickAnswers(all: HeldOutAnswer[], questions: number, kinds: HeldOutKind[]): HeldOutAnswer[] {
  const ids = [...new Set(all.map((a) => a.questionId))];
  const step = Math.max(1, Math.floor(ids.length / questions));
  const chosen = new Set(ids.filter((_, i) => i % step === 0).slice(0, questions));
  return all.filter((a) => chosen.has(a.questionId) && kinds.includes(a.kind));
}

async function main(): Promise<void> {
  const questions = Math.max(1, Number(arg('questions', '12')));
  const kinds = arg('kinds', 'strong,partial').split(',') as HeldOutKind[];
  const cacheDir = arg('cache', join(tmpdir(), 'mockroom-robustness-cache'));
  const show = Number(arg('show', '8'));
  mkdirSync(cacheDir, { recursive: true });
  const bank = QuestionBank.load();
  const engine = new RubricEngine();
  const literalEngine = new RubricEngine({ soundAlikes: false });
  const answers = pickAnswers(heldOutAnswers(), questions, kinds);
  const tts = new FliteTextToSpeech({ voice: VOICE });
  let stt: PocketSphinxSpeechToText | null = null;
  let decoded = 0;
  let audioMs = 0;
  const rows: Row[] = [];
  try {
    for (const answer of answers) {
      const question = bank.get(answer.questionId) as Question;
      const hints = question.keyTerms ?? [];
      const key = createHash('sha256')
        // Version 2: one line per sentence heard (the pauses between them are the segments the engine reads).
        .update(JSON.stringify([answer.answer, VOICE, hints, 2]))
        .digest('hex')
        .slice(0, 24);
      const cached = join(cacheDir, `${key}.txt`);
      let heardSentences: string[];
      if (existsSync(cached)) {
        heardSentences = readFileSync(cached, 'utf8').split('\n').filter(Boolean);
      } else {
        if (!stt) {
          stt = new PocketSphinxSpeechToText({ poolSize: 1 });
          await stt.start();
        }
        const texts: string[] = [];
        for (const sentence of sentences(answer.answer)) {
          const pcm = wavToPcm16k((await tts.synthesize(sentence)).wav);
          audioMs += pcm.length / 16;
          texts.push((await stt.transcribe(pcm, { hints })).text);
        }
        heardSentences = texts.filter(Boolean);
        writeFileSync(cached, heardSentences.join('\n'));
        decoded++;
      }
      // As a live answer reaches the engine: its segments' words joined by spaces, and the segments themselves.
      const transcript = heardSentences.join(' ');
      const segments = heardSentences.map((text, i) => ({ text, startMs: i * 10_000, endMs: i * 10_000 + 8000 }));
      const level = question.levels[0] ?? 'mid';
      const clean = engine.assessSync({ question, transcript: answer.answer, level }).scores.overall;
      const heard = engine.assessSync({ question, transcript, segments, level }).scores.overall;
      const literal = literalEngine.assessSync({ question, transcript, segments, level }).scores.overall;
      rows.push({
        questionId: answer.questionId,
        kind: answer.kind,
        clean,
        heard,
        literal,
        wer: wordErrorRate(answer.answer, transcript).wer,
        text: answer.answer,
        transcript,
      });
    }
  } finally {
    await stt?.close();
  }

  const drops = rows.map((r) => r.clean - r.heard);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const within = rows.filter((r) => Math.abs(r.clean - r.heard) <= 1).length;
  console.log(
    `scoring robustness: ${rows.length} held-out answers (${kinds.join(', ')}) to ${new Set(rows.map((r) => r.questionId)).size} questions, spoken by flite ${VOICE}, heard by PocketSphinx with the key terms as hints`,
  );
  console.log(
    `(${decoded} decoded now${decoded ? `, ${(audioMs / 1000).toFixed(0)} s of speech` : ''}, ${rows.length - decoded} from ${cacheDir})\n`,
  );
  const table = [
    ['', 'value', 'goal'],
    ['word error rate, mean', mean(rows.map((r) => r.wer)).toFixed(3), '—'],
    ['overall, clean text, mean', mean(rows.map((r) => r.clean)).toFixed(2), '—'],
    ['overall, as heard, mean', mean(rows.map((r) => r.heard)).toFixed(2), '—'],
    ['drop (clean − heard), mean', mean(drops).toFixed(2), '≤ 0.3'],
    ['drop, max', Math.max(...drops).toFixed(2), '≤ 1.0'],
    ['drop, mean, sound-alikes not read', mean(rows.map((r) => r.clean - r.literal)).toFixed(2), '—'],
    ['drop, max, sound-alikes not read', Math.max(...rows.map((r) => r.clean - r.literal)).toFixed(2), '—'],
    ['|drop| within 1 point', `${within}/${rows.length}`, `${rows.length}/${rows.length}`],
  ];
  for (const kind of kinds) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length) table.push([`drop, mean, ${kind} answers`, mean(of.map((r) => r.clean - r.heard)).toFixed(2), '—']);
  }
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  const worst = [...rows].sort((a, b) => b.clean - b.heard - (a.clean - a.heard)).slice(0, show);
  if (worst.length) console.log('\nlargest drops:');
  for (const r of worst) {
    console.log(
      `  ${(r.clean - r.heard).toFixed(2).padStart(5)}  ${r.clean.toFixed(1)} → ${r.heard.toFixed(1)}  WER ${r.wer.toFixed(2)}  ${r.questionId} (${r.kind})`,
    );
    console.log(`         heard: ${r.transcript.slice(0, 220)}${r.transcript.length > 220 ? '…' : ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
