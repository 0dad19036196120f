import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { encodeWav } from '../../audio/wav';
import { errorMessage, isAbortError, SpeechEngineError, SpeechEngineUnavailableError } from '../../errors';
import { run, which } from '../../util/process';
import type { OpenStreamOptions, SpeechStream, SpeechToText, SttResult, SttWord, TranscribeOptions } from '../types';
import { DecoderPool, type DecoderHints } from './decoder-pool';
import {
  INSTALL_DEV_HINT,
  INSTALL_HINT,
  pocketsphinxProblems,
  resolveModel,
  type PocketSphinxModel,
  type PocketSphinxModelOptions,
} from './model';
import { ensureDecoderBinary } from './native-build';
import { hintLanguageModel, PronouncingDictionary } from './pronunciations';

export interface PocketSphinxOptions extends PocketSphinxModelOptions {
  /** Resident decoder processes (default 2); also the most fallback processes at once. */
  poolSize?: number;
  /** Folder for the compiled decoder (default `<dataDir>/bin`). */
  binDir?: string;
  /** Mockroom's data folder (default ".mockroom" in the working directory). */
  dataDir?: string;
  /**
   * 'native': the resident decoder (compiled from libs/speech/native/ps-decoder.c), or fail;
   * 'continuous': one `pocketsphinx_continuous` process per request (slow: the models load each time);
   * 'auto' (default): native when it can be compiled, else continuous.
   */
  backend?: 'auto' | 'native' | 'continuous';
  /** C compiler for the decoder (default "cc"). */
  compiler?: string;
  /** The decoder's C source (default: found from this module). */
  sourcePath?: string;
  /** More PocketSphinx options for either backend, e.g. ['-beam', '1e-60']. */
  extraArgs?: string[];
  /** Time limit per utterance (default 30 s + 3 × the audio duration). */
  decodeTimeoutMs?: (audioMs: number) => number;
  /** Use the hints (default true). */
  useHints?: boolean;
  /**
   * Probability mass the hint language model spreads over the hint words, 0–1 (default
   * HINT_LM_WEIGHT, chosen with the benchmark in src/bench/stt.bench.ts): higher favours key
   * terms more, at the risk of hearing them where they were not said.
   */
  hintWeight?: number;
}

export const HINT_LM_WEIGHT = 0.05;

export type PocketSphinxBackend = 'pending' | 'native' | 'continuous';

const NAME = 'pocketsphinx';
const LABEL = 'PocketSphinx (offline)';
const FALLBACK_LABEL = 'PocketSphinx (offline, slow fallback: one process per request)';

/**
 * Offline speech-to-text with CMU PocketSphinx and its stock US English model.
 *
 * Hints (the resident decoder only): hint words the dictionary lacks (JWT, GraphQL, bcrypt...)
 * get a pronunciation pieced together from known words and letter names, and the decoder
 * listens with the stock language model combined with a small model of the hint phrases
 * (`hintWeight` sets its strength), so that key terms can be recognised at all and are favoured
 * over sound-alikes (see pronunciations.ts and HINTS in native/ps-decoder.c). Changing the hint set
 * costs ~0.2 s per decoder (the search is rebuilt); requests with the same hints reuse it.
 * The fallback backend ignores hints (it would need a rebuilt language model).
 */
export class PocketSphinxSpeechToText implements SpeechToText {
  readonly name = NAME;
  readonly mode = 'offline' as const;
  private readonly model: PocketSphinxModel;
  private readonly poolSize: number;
  private initPromise: Promise<void> | null = null;
  private pool: DecoderPool | null = null;
  private backendInUse: PocketSphinxBackend = 'pending';
  private fallbackReason: string | null = null;
  private continuousPath: string | null = null;
  private closed = false;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly hintCache = new Map<string, Promise<DecoderHints | null>>();
  private hintDir: Promise<string> | null = null;

  constructor(private readonly options: PocketSphinxOptions = {}) {
    this.model = resolveModel(options);
    this.poolSize = Math.max(1, Math.floor(options.poolSize ?? 2));
  }

  get label(): string {
    return this.backendInUse === 'continuous' ? FALLBACK_LABEL : LABEL;
  }

  /** Which backend serves requests ('pending' until the first request or `start()`), and why the fallback is used. */
  get status(): { backend: PocketSphinxBackend; fallbackReason: string | null } {
    return { backend: this.backendInUse, fallbackReason: this.fallbackReason };
  }

  /** Process ids of the resident decoders (empty with the fallback). */
  decoderPids(): number[] {
    return this.pool?.pids() ?? [];
  }

  /** Compiles the decoder if needed and loads the models, so that the first request is fast. */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new SpeechEngineError(NAME, 'the PocketSphinx engine is closed'));
    if (!this.initPromise) {
      this.initPromise = this.init();
      // Let a failed start be retried (for example after the packages were installed).
      void this.initPromise.catch(() => {
        this.initPromise = null;
      });
    }
    return this.initPromise;
  }

  async transcribe(pcm16k: Int16Array, options: TranscribeOptions = {}): Promise<SttResult> {
    await this.start();
    if (this.closed) throw new SpeechEngineError(NAME, 'the PocketSphinx engine is closed');
    if (pcm16k.length === 0) return { text: '', words: [], engine: NAME };
    try {
      if (this.backendInUse === 'native' && this.pool) {
        const hints = await this.decoderHints(options.hints);
        const decoded = await this.pool.decode(pcm16k, hints, options.signal);
        const words: SttWord[] = decoded.words.map((w) => ({ word: w.w, startMs: w.s * 10, endMs: (w.e + 1) * 10 }));
        return { text: decoded.text, words, engine: NAME };
      }
      return await this.withSlot(() => this.transcribeContinuous(pcm16k, options.signal), options.signal);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new SpeechEngineError(NAME, `PocketSphinx could not transcribe the audio: ${errorMessage(error)}`, {
        cause: error,
      });
    }
  }

  /** A resident decoder of its own while the utterance is spoken, if one is free (native backend only). */
  async openStream(options: OpenStreamOptions = {}): Promise<SpeechStream | null> {
    await this.start();
    if (this.closed || this.backendInUse !== 'native' || !this.pool) return null;
    const hints = await this.decoderHints(options.hints);
    const stream = (await this.pool?.stream(hints, options.waitMs ?? 0)) ?? null;
    if (!stream) return null;
    return {
      feed: (pcm) => stream.feed(pcm).catch((error: unknown) => Promise.reject(this.failure(error))),
      end: async () => {
        try {
          const decoded = await stream.end();
          return {
            text: decoded.text,
            words: decoded.words.map((w) => ({ word: w.w, startMs: w.s * 10, endMs: (w.e + 1) * 10 })),
            engine: NAME,
          };
        } catch (error) {
          throw this.failure(error);
        }
      },
      abort: () => stream.abort(),
    };
  }

  private failure(error: unknown): Error {
    return new SpeechEngineError(NAME, `PocketSphinx could not transcribe the audio: ${errorMessage(error)}`, {
      cause: error,
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
    const hintDir = this.hintDir;
    this.hintDir = null;
    this.hintCache.clear();
    if (hintDir) await rm(await hintDir, { recursive: true, force: true });
  }

  private async init(): Promise<void> {
    const problems = pocketsphinxProblems(this.options);
    const modelProblems = problems.filter((p) => p.startsWith('no PocketSphinx'));
    if (modelProblems.length > 0) {
      throw new SpeechEngineUnavailableError(
        NAME,
        `PocketSphinx is not installed: ${modelProblems.join('; ')}; ${INSTALL_HINT}`,
      );
    }
    const backend = this.options.backend ?? 'auto';
    if (backend !== 'continuous') {
      try {
        const binDir = this.options.binDir ?? join(resolve(this.options.dataDir ?? '.mockroom'), 'bin');
        const binary = await ensureDecoderBinary({
          binDir,
          sourcePath: this.options.sourcePath,
          compiler: this.options.compiler,
          searchPath: this.options.searchPath,
        });
        const pool = new DecoderPool({
          command: binary,
          args: [...this.modelArgs(), ...(this.options.extraArgs ?? [])],
          size: this.poolSize,
          decodeTimeoutMs: this.options.decodeTimeoutMs,
          hintWeight: this.options.hintWeight ?? HINT_LM_WEIGHT,
        });
        try {
          await pool.start();
        } catch (error) {
          await pool.close();
          throw error;
        }
        if (this.closed) {
          await pool.close();
          throw new SpeechEngineError(NAME, 'the PocketSphinx engine is closed');
        }
        this.pool = pool;
        this.backendInUse = 'native';
        return;
      } catch (error) {
        if (backend === 'native' || this.closed) {
          throw new SpeechEngineUnavailableError(
            NAME,
            `the resident PocketSphinx decoder is not available: ${errorMessage(error)}`,
            { cause: error },
          );
        }
        this.fallbackReason = errorMessage(error);
      }
    }
    this.continuousPath = which('pocketsphinx_continuous', this.options.searchPath);
    if (!this.continuousPath) {
      const reason = this.fallbackReason
        ? ` (and the resident decoder could not be built: ${this.fallbackReason}; ${INSTALL_DEV_HINT})`
        : '';
      throw new SpeechEngineUnavailableError(
        NAME,
        `pocketsphinx_continuous is not installed${reason}; ${INSTALL_HINT}`,
      );
    }
    this.backendInUse = 'continuous';
  }

  private modelArgs(): string[] {
    // One forward pass: measured on the spoken sample answers, the second passes (flat-lexicon search and lattice
    // best path) cost about a third more time and made the word error rate worse, not better (docs/benchmarks.md);
    // without them a streamed utterance is final within a few tens of ms of its end.
    return [
      '-hmm',
      this.model.hmm,
      '-lm',
      this.model.lm,
      '-dict',
      this.model.dict,
      '-logfn',
      '/dev/null',
      '-fwdflat',
      'no',
      '-bestpath',
      'no',
    ];
  }

  /** The hints as decoder vocabulary and a hint language model file (cached per hint set). */
  private async decoderHints(hints: readonly string[] | undefined): Promise<DecoderHints | null> {
    if (!hints || hints.length === 0 || this.options.useHints === false) return null;
    const key = createHash('sha256')
      .update(JSON.stringify([this.options.hintWeight ?? HINT_LM_WEIGHT, ...[...new Set(hints)].sort()]))
      .digest('hex')
      .slice(0, 20);
    let prepared = this.hintCache.get(key);
    if (!prepared) {
      prepared = this.prepareHints(key, hints);
      this.hintCache.set(key, prepared);
      void prepared.catch(() => this.hintCache.delete(key));
      // Keep the cache (and its files) bounded.
      if (this.hintCache.size > 256) {
        const oldest = this.hintCache.keys().next().value as string;
        this.hintCache.delete(oldest);
      }
    }
    return prepared;
  }

  private async prepareHints(key: string, hints: readonly string[]): Promise<DecoderHints | null> {
    const dict = await PronouncingDictionary.load(this.model.dict);
    const { entries, phrases } = dict.hintVocabulary(hints);
    if (phrases.length === 0) return null;
    this.hintDir ??= mkdtemp(join(tmpdir(), 'mockroom-ps-hints-'));
    const arpaPath = join(await this.hintDir, `${key}.arpa`);
    await writeFile(arpaPath, hintLanguageModel(phrases, this.options.hintWeight ?? HINT_LM_WEIGHT));
    return { key, entries, arpaPath };
  }

  /** The fallback: `pocketsphinx_continuous` on a temporary WAV file (hints are not used). */
  private async transcribeContinuous(pcm: Int16Array, signal?: AbortSignal): Promise<SttResult> {
    const dir = await mkdtemp(join(tmpdir(), 'mockroom-ps-'));
    try {
      const wav = join(dir, 'utterance.wav');
      await writeFile(wav, encodeWav(pcm, AUDIO_SAMPLE_RATE));
      const audioMs = pcm.length / 16;
      const timeoutMs = this.options.decodeTimeoutMs?.(audioMs) ?? 30_000 + 3 * audioMs;
      const result = await run(
        this.continuousPath as string,
        ['-infile', wav, '-time', 'yes', ...this.modelArgs(), ...(this.options.extraArgs ?? [])],
        {
          signal,
          timeoutMs,
        },
      );
      if (result.code !== 0) {
        throw new Error(
          `pocketsphinx_continuous exited with code ${result.code}${result.stderr ? `: ${result.stderr.trim().slice(-500)}` : ''}`,
        );
      }
      return parseContinuousOutput(result.stdout.toString('utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** At most `poolSize` fallback processes at once. */
  private async withSlot<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    while (this.running >= this.poolSize) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      signal?.throwIfAborted();
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

const WORD_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/;

/** Parses `pocketsphinx_continuous -time yes` output: hypothesis lines, each followed by "word start end confidence" lines. */
export function parseContinuousOutput(output: string): SttResult {
  const words: SttWord[] = [];
  const hypotheses: string[] = [];
  for (const line of output.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const match = WORD_LINE.exec(trimmed);
    if (match) {
      const word = cleanWord(match[1]);
      if (word)
        words.push({ word, startMs: Math.round(Number(match[2]) * 1000), endMs: Math.round(Number(match[3]) * 1000) });
    } else {
      hypotheses.push(trimmed);
    }
  }
  const text = words.length > 0 ? words.map((w) => w.word).join(' ') : hypotheses.join(' ');
  return { text, words, engine: NAME };
}

/** Drops fillers and silences (<s>, </s>, <sil>, [NOISE], ++GARBAGE++) and strips "(2)" pronunciation suffixes. */
export function cleanWord(word: string): string | null {
  if (!word || /^[<[+]/.test(word) || word === 'NULL') return null;
  return word.replace(/\(\d+\)$/, '');
}
