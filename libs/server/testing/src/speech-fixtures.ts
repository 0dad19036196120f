import { concatPcm as joinPcm, wavToPcm16k } from '@mockroom/speech';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real speech for tests: flite speaks the text, returned as 16 kHz mono PCM samples. */
export function speak(text: string, voice = 'kal16'): Int16Array {
  const dir = mkdtempSync(join(tmpdir(), 'mockroom-speech-'));
  try {
    const file = join(dir, 'speech.wav');
    execFileSync('flite', ['-voice', voice, '-t', text, '-o', file]);
    return wavToPcm16k(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Speech as a person answers aloud: one sentence at a time with a breath between them. flite runs
 * sentences together with barely a pause, which no candidate does; the pause lets the server's
 * endpointer cut segments where a listener would.
 */
export function speakSentences(text: string, pauseMs = 800, voice = 'kal16'): Int16Array {
  const sentences = splitSentences(text);
  return concatPcm(
    ...sentences.flatMap((sentence, i) =>
      i === 0 ? [speak(sentence, voice)] : [silence(pauseMs), speak(sentence, voice)],
    ),
  );
}

/** Sentences end at . ! or ? followed by a capital letter, so "e.g." or "3.5" do not split one. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["'(]?[A-Z])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export function silence(ms: number): Int16Array {
  return new Int16Array(Math.round((ms / 1000) * 16_000));
}

export function concatPcm(...parts: Int16Array[]): Int16Array {
  return joinPcm(parts);
}
