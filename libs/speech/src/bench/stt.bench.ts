/**
 * PocketSphinx benchmark: real-time factor and word error rate, without and with hints, over
 * sample answers from the question bank spoken by flite.
 *
 *   node tools/scripts/run-ts.mjs libs/speech/src/bench/stt.bench.ts [--count 6] [--voice kal16]
 *        [--weights 1,1000] [--whole] [--streamed]
 *
 * Each answer (25–60 s of speech) is cut into segments by the Endpointer, as in a live interview,
 * and the segments are decoded one after another by one resident decoder; the real-time factor
 * is decoding time / audio time on one core. Hints are the question's key terms. `--weights`
 * lists interpolation weights of the hint language model to compare; `--whole` also decodes
 * each answer as a single utterance; `--streamed` also decodes each segment as a live one is (fed
 * 300 ms at a time, as the API hands it on), and reports how much of a segment had been fed when its
 * first words were recognised (MOCKROOM_PS_CMN_MS sets how long the decoder waits before decoding).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { wavToPcm16k } from '../audio/resample';
import { Endpointer } from '../endpointing/endpointer';
import { HINT_LM_WEIGHT, PocketSphinxSpeechToText } from '../stt/pocketsphinx/pocketsphinx-stt';
import { run } from '../util/process';
import { normalizeText, wordErrorRate } from '../wer';

interface BankQuestion {
  id: string;
  sampleAnswer?: string | null;
  keyTerms?: string[];
}

interface Sample {
  id: string;
  text: string;
  hints: string[];
  pcm: Int16Array;
  segments: Int16Array[];
}

interface Totals {
  errors: number;
  words: number;
  decodeMs: number;
  audioMs: number;
  termsHeard: number;
  termsSaid: number;
}

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function segmentsOf(pcm: Int16Array): Int16Array[] {
  const endpointer = new Endpointer();
  const segments: Int16Array[] = [];
  const frame = new Int16Array(AUDIO_FRAME_SAMPLES);
  for (let at = 0; at < pcm.length; at += AUDIO_FRAME_SAMPLES) {
    frame.fill(0);
    frame.set(pcm.subarray(at, Math.min(pcm.length, at + AUDIO_FRAME_SAMPLES)));
    for (const e of endpointer.push(frame)) if (e.type === 'segment') segments.push(e.pcm);
  }
  for (const e of endpointer.flush()) if (e.type === 'segment') segments.push(e.pcm);
  return segments;
}

/** Key terms said in the reference that also appear in the hypothesis. */
function termHits(reference: string, hypothesis: string, terms: string[]): { said: number; heard: number } {
  const ref = ` ${normalizeText(reference)} `;
  const hyp = ` ${normalizeText(hypothesis)} `;
  let said = 0;
  let heard = 0;
  for (const term of terms) {
    const t = normalizeText(term.replace(/\(.*?\)/g, ''));
    if (!t || !ref.includes(` ${t} `)) continue;
    said++;
    if (hyp.includes(` ${t} `)) heard++;
  }
  return { said, heard };
}

async function main(): Promise<void> {
  const count = Math.min(8, Math.max(1, Number(arg('count', '6'))));
  const voice = arg('voice', 'kal16');
  const weights = arg('weights', String(HINT_LM_WEIGHT))
    .split(',')
    .map(Number)
    .filter((w) => w > 0);
  const whole = process.argv.includes('--whole');
  const streamed = process.argv.includes('--streamed');
  const bank = JSON.parse(await readFile(join(__dirname, '../../../question-bank/src/data/bank.json'), 'utf8')) as {
    questions: BankQuestion[];
  };
  const dir = await mkdtemp(join(tmpdir(), 'mockroom-stt-bench-'));
  try {
    // Spoken sample answers of 25–60 s, in bank order.
    const samples: Sample[] = [];
    for (const q of bank.questions) {
      if (samples.length >= count) break;
      const text = (q.sampleAnswer ?? '').replace(/\s+/g, ' ').trim();
      const words = text.split(' ').length;
      if (words < 55 || words > 160) continue;
      const wav = join(dir, `${q.id}.wav`);
      const spoken = await run('flite', ['-voice', voice, '-t', text, '-o', wav], { timeoutMs: 120_000 });
      if (spoken.code !== 0) throw new Error(`flite failed: ${spoken.stderr}`);
      const pcm = wavToPcm16k(await readFile(wav));
      const seconds = pcm.length / 16000;
      if (seconds < 25 || seconds > 60) continue;
      samples.push({ id: q.id, text, hints: q.keyTerms ?? [], pcm, segments: segmentsOf(pcm) });
    }
    const audioS = samples.reduce((s, x) => s + x.pcm.length / 16000, 0);
    console.log(
      `PocketSphinx benchmark: ${samples.length} sample answers spoken by flite ${voice}, ${audioS.toFixed(0)} s of audio`,
    );
    console.log(`segments from the Endpointer (defaults): ${samples.reduce((s, x) => s + x.segments.length, 0)}\n`);

    const configs: { label: string; weight: number | null; whole: boolean; streamed?: boolean }[] = [
      { label: 'segments, no hints', weight: null, whole: false },
      ...weights.map((w) => ({ label: `segments, hints (weight ${w})`, weight: w, whole: false })),
      ...(whole ? [{ label: 'whole answer, no hints', weight: null, whole: true }] : []),
      ...(streamed
        ? [
            {
              label: `streamed segments, hints (weight ${weights[0] ?? HINT_LM_WEIGHT})`,
              weight: weights[0] ?? HINT_LM_WEIGHT,
              whole: false,
              streamed: true,
            },
          ]
        : []),
    ];
    const firstWords: number[] = [];
    const rows: string[][] = [];
    for (const config of configs) {
      // A fresh decoder per configuration: words added for hints stay in a decoder.
      const stt = new PocketSphinxSpeechToText({
        poolSize: 1,
        hintWeight: config.weight ?? HINT_LM_WEIGHT,
        backend: 'native',
      });
      const started = Date.now();
      await stt.start();
      const startMs = Date.now() - started;
      const totals: Totals = { errors: 0, words: 0, decodeMs: 0, audioMs: 0, termsHeard: 0, termsSaid: 0 };
      const perAnswer: string[] = [];
      for (const sample of samples) {
        const hints = config.weight === null ? undefined : sample.hints;
        const parts = config.whole ? [sample.pcm] : sample.segments;
        const texts: string[] = [];
        const t0 = process.hrtime.bigint();
        for (const part of parts) {
          if (!config.streamed) {
            texts.push((await stt.transcribe(part, { hints })).text);
            continue;
          }
          const stream = await stt.openStream({ hints });
          if (!stream) throw new Error('no decoder free for a stream');
          let first: number | null = null;
          for (let at = 0; at < part.length; at += 4800) {
            const words = await stream.feed(part.subarray(at, at + 4800));
            if (first === null && words) first = Math.min(part.length, at + 4800) / 16;
          }
          if (first !== null) firstWords.push(first);
          texts.push((await stream.end()).text);
        }
        const decodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
        const hypothesis = texts.join(' ');
        const wer = wordErrorRate(sample.text, hypothesis);
        const hits = termHits(sample.text, hypothesis, sample.hints);
        totals.errors += wer.substitutions + wer.deletions + wer.insertions;
        totals.words += wer.referenceWords;
        totals.decodeMs += decodeMs;
        totals.audioMs += sample.pcm.length / 16;
        totals.termsSaid += hits.said;
        totals.termsHeard += hits.heard;
        perAnswer.push(`${wer.wer.toFixed(2)}`);
      }
      await stt.close();
      rows.push([
        config.label,
        (totals.errors / totals.words).toFixed(3),
        (totals.decodeMs / totals.audioMs).toFixed(3),
        `${totals.termsHeard}/${totals.termsSaid}`,
        perAnswer.join(' '),
        `${startMs} ms`,
      ]);
    }
    const header = ['configuration', 'WER', 'RTF', 'key terms heard', 'WER per answer', 'start-up'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    if (firstWords.length) {
      const sorted = [...firstWords].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
      console.log(
        `\nstreamed: first words recognised after p50 ${at(0.5)} ms, p95 ${at(0.95)} ms of a segment's audio (${sorted.length} segments)`,
      );
    }
    console.log(`\nanswers: ${samples.map((s) => `${s.id} (${(s.pcm.length / 16000).toFixed(0)} s)`).join(', ')}`);
    console.log(
      'WER: all errors / all reference words; RTF: decoding time / audio time, one decoder, one request at a time.',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
