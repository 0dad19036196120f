import { RubricEngine } from '@mockroom/assessment';
import { AUDIO_SAMPLE_RATE, type Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { FliteTextToSpeech, wavToPcm16k } from '@mockroom/speech';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

const INTERVIEWER_VOICE = 'slt';
const CANDIDATE_VOICE = 'kal16';
const PAUSE_MS = 700;

export interface LongSession {
  durationMs: number;
  lines: number;
  questions: number;
}

function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9])/)
    .filter((s) => s.length > 3 && s.length < 400);
}

/**
 * Fills a created interview with what a real session of `minutes` leaves behind, at its real size: the interviewer's
 * spoken prompts (flite WAVs), the candidate's recording (flite speaking the bank's sample answers, one raw PCM file
 * for the whole session), a transcript line per sentence, and every answer assessed by the rubric engine. The words are
 * the spoken text rather than a recogniser's, which changes nothing in size or shape.
 */
export async function fillLongSession(options: {
  databaseUrl: string;
  mediaDir: string;
  interviewId: string;
  questionIds: string[];
  minutes: number;
}): Promise<LongSession> {
  const bank = QuestionBank.load();
  const engine = new RubricEngine();
  const interviewer = new FliteTextToSpeech({ voice: INTERVIEWER_VOICE });
  const candidate = new FliteTextToSpeech({ voice: CANDIDATE_VOICE });
  const folder = join(options.mediaDir, options.interviewId);
  await mkdir(folder, { recursive: true });
  const perQuestionMs = (options.minutes * 60_000) / options.questionIds.length;
  const candidatePcm: Int16Array[] = [];
  let clockMs = 0;
  let seq = 0;
  const prompts: unknown[][] = [];
  const segments: unknown[][] = [];
  const answers: unknown[][] = [];

  const pushSilence = (ms: number) => {
    candidatePcm.push(new Int16Array(Math.round((ms * AUDIO_SAMPLE_RATE) / 1000)));
    clockMs += ms;
  };
  const prompt = async (kind: string, question: Question | null, index: number, text: string) => {
    const wav = (await interviewer.synthesize(text)).wav;
    const durationMs = Math.round((wavToPcm16k(wav).length / AUDIO_SAMPLE_RATE) * 1000);
    const path = join(options.interviewId, `prompt-${seq}.wav`);
    await writeFile(join(options.mediaDir, path), wav);
    prompts.push([
      options.interviewId,
      seq,
      kind,
      question?.id ?? null,
      index,
      text,
      Math.round(clockMs),
      path,
      durationMs,
    ]);
    segments.push([
      options.interviewId,
      seq,
      'interviewer',
      null,
      question?.id ?? null,
      Math.round(clockMs),
      Math.round(clockMs) + durationMs,
      text,
      null,
      'flite',
    ]);
    seq++;
    pushSilence(durationMs + 500); // the microphone hears the interviewer's voice as silence
    return seq - 1;
  };
  const answer = async (
    question: Question,
    index: number,
    kind: 'answer' | 'follow-up',
    promptSeq: number,
    said: string[],
    followUpsAsked: string[],
  ) => {
    const id = randomUUID();
    const startMs = Math.round(clockMs);
    const timed: { text: string; startMs: number; endMs: number }[] = [];
    for (const sentence of said) {
      const pcm = wavToPcm16k((await candidate.synthesize(sentence)).wav);
      const text = sentence
        .toLowerCase()
        .replace(/[^a-z0-9' ]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const start = Math.round(clockMs);
      candidatePcm.push(pcm);
      clockMs += (pcm.length / AUDIO_SAMPLE_RATE) * 1000;
      timed.push({ text, startMs: start, endMs: Math.round(clockMs) });
      segments.push([
        options.interviewId,
        seq++,
        'candidate',
        id,
        question.id,
        start,
        Math.round(clockMs),
        text,
        null,
        'pocketsphinx',
      ]);
      pushSilence(PAUSE_MS);
    }
    const assessment = engine.assessSync({
      question,
      transcript: timed.map((t) => t.text).join(' '),
      segments: timed,
      followUpsAsked,
    });
    answers.push([
      id,
      options.interviewId,
      question.id,
      index,
      kind,
      promptSeq,
      'closed',
      startMs,
      Math.round(clockMs),
      JSON.stringify(assessment),
      assessment.scores.overall,
    ]);
    pushSilence(2000);
  };

  await prompt('intro', null, 0, "Hi, I'm your interviewer today. Let's begin.");
  for (const [index, questionId] of options.questionIds.entries()) {
    const question = bank.get(questionId);
    if (!question) throw new Error(`no question ${questionId}`);
    const pool = sentences(question.sampleAnswer ?? question.rubric.map((r) => r.text).join('. '));
    const end = clockMs + perQuestionMs;
    const asked = await prompt('question', question, index, question.text);
    // The first answer takes about 60 % of the question's time, a follow-up answer the rest (the sample answer again).
    const first: string[] = [];
    let estimate = clockMs;
    for (let i = 0; estimate < clockMs + (end - clockMs) * 0.6; i++) {
      first.push(pool[i % pool.length]);
      estimate += pool[i % pool.length].split(' ').length * 400 + PAUSE_MS;
    }
    await answer(question, index, 'answer', asked, first, []);
    const followUpText = question.followUps[0] ?? 'Can you go deeper on the trade-offs?';
    const followUp = await prompt('follow-up', question, index, followUpText);
    const second: string[] = [];
    estimate = clockMs;
    for (let i = pool.length - 1; estimate < end - 2500; i--) {
      const sentence = pool[((i % pool.length) + pool.length) % pool.length];
      second.push(sentence);
      estimate += sentence.split(' ').length * 400 + PAUSE_MS;
    }
    await answer(question, index, 'follow-up', followUp, second, [followUpText]);
  }
  await prompt(
    'closing',
    null,
    options.questionIds.length - 1,
    "That's all the questions I have. Thank you, your summary is ready.",
  );

  const total = candidatePcm.reduce((n, p) => n + p.length, 0);
  const all = new Int16Array(total);
  let at = 0;
  for (const part of candidatePcm) {
    all.set(part, at);
    at += part.length;
  }
  const recording = join(options.interviewId, 'candidate-bench.pcm');
  await writeFile(join(options.mediaDir, recording), Buffer.from(all.buffer));

  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    for (const row of prompts) {
      await db.query(
        'INSERT INTO interview_prompts (interview_id, seq, kind, question_id, question_index, text, at_ms, audio_path, audio_duration_ms) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
        row,
      );
    }
    for (const row of answers) {
      await db.query(
        'INSERT INTO interview_answers (id, interview_id, question_id, question_index, kind, prompt_seq, status, start_ms, end_ms, assessment, overall_score) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
        row,
      );
    }
    for (const row of segments) {
      await db.query(
        'INSERT INTO transcript_segments (interview_id, seq, speaker, answer_id, question_id, start_ms, end_ms, text, words, engine) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
        row,
      );
    }
    await db.query(
      `INSERT INTO recordings (interview_id, speaker, stream_id, start_ms, sample_rate, path, duration_ms) VALUES ($1, 'candidate', 'bench', 0, $2, $3, $4)`,
      [options.interviewId, AUDIO_SAMPLE_RATE, recording, Math.round((total / AUDIO_SAMPLE_RATE) * 1000)],
    );
    const overall = answers.length ? answers.reduce((sum, a) => sum + (a[10] as number), 0) / answers.length : null;
    await db.query(
      `UPDATE interviews SET status = 'completed', next_seq = $2, started_at = now() - ($3 || ' milliseconds')::interval, ended_at = now(), overall_score = $4 WHERE id = $1`,
      [options.interviewId, seq, String(Math.round(clockMs)), overall],
    );
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
  return { durationMs: Math.round(clockMs), lines: segments.length, questions: options.questionIds.length };
}
