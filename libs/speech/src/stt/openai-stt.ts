import { toFile } from 'openai';
import type OpenAI from 'openai';
import { AUDIO_SAMPLE_RATE } from '@mockroom/contracts';
import { encodeWav } from '../audio/wav';
import { isAbortError, SpeechEngineError } from '../errors';
import {
  DEFAULT_TIMEOUT_MS,
  describeOpenAiError,
  hostOf,
  openAiClient,
  type OpenAiConnectionOptions,
} from '../openai-client';
import type { SpeechToText, SttResult, SttWord, TranscribeOptions } from './types';

export interface OpenAiSttOptions extends OpenAiConnectionOptions {
  /** Transcription model (default "whisper-1"). */
  model?: string;
  /** Spoken language, ISO-639-1 (default "en"). */
  language?: string;
  /** Ask for word timestamps (verbose_json; default: for whisper models only, the others do not offer them). */
  wordTimestamps?: boolean;
}

const MAX_PROMPT_CHARS = 800;
/** Whisper refuses audio shorter than 0.1 s. */
const MIN_SAMPLES = AUDIO_SAMPLE_RATE / 10;

/**
 * Speech-to-text through the OpenAI API or any server that speaks it (a self-hosted Whisper).
 * Hints go into the `prompt` as a vocabulary list, which Whisper-style models use to spell
 * names and jargon.
 */
export class OpenAiSpeechToText implements SpeechToText {
  readonly name: string;
  readonly label: string;
  readonly mode = 'external' as const;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: OpenAiSttOptions = {}) {
    this.model = options.model ?? 'whisper-1';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.name = `openai:${this.model}`;
    this.label = options.baseUrl ? `${this.model} (${hostOf(options.baseUrl)})` : `OpenAI ${this.model}`;
    this.client = openAiClient(options);
  }

  async transcribe(pcm16k: Int16Array, options: TranscribeOptions = {}): Promise<SttResult> {
    if (pcm16k.length < MIN_SAMPLES) return { text: '', words: [], engine: this.name };
    const file = await toFile(encodeWav(pcm16k, AUDIO_SAMPLE_RATE), 'utterance.wav', { type: 'audio/wav' });
    const wordTimestamps = this.options.wordTimestamps ?? this.model.startsWith('whisper');
    const prompt = vocabularyPrompt(options.hints);
    const started = Date.now();
    try {
      const response = await this.client.audio.transcriptions.create(
        {
          file,
          model: this.model,
          language: this.options.language ?? 'en',
          ...(prompt ? { prompt } : {}),
          ...(wordTimestamps
            ? { response_format: 'verbose_json' as const, timestamp_granularities: ['word' as const] }
            : { response_format: 'json' as const }),
        },
        { signal: options.signal },
      );
      const body = response as { text?: unknown; words?: unknown };
      const text = typeof body.text === 'string' ? body.text.trim() : '';
      const words = Array.isArray(body.words) ? body.words.flatMap(toWord) : undefined;
      return { text, ...(words ? { words } : {}), engine: this.name };
    } catch (error) {
      if (isAbortError(error) && options.signal?.aborted) throw error;
      throw new SpeechEngineError(
        this.name,
        `transcription with ${this.model} at ${hostOf(this.options.baseUrl)} failed: ${describeOpenAiError(error, { elapsedMs: Date.now() - started, timeoutMs: this.timeoutMs })}`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    // Nothing to release: requests are independent.
  }
}

/** "Vocabulary: Redis, JWT, GraphQL." — within Whisper's prompt budget. */
export function vocabularyPrompt(hints: readonly string[] | undefined): string | undefined {
  const terms = [...new Set((hints ?? []).map((h) => h.trim()).filter(Boolean))];
  if (terms.length === 0) return undefined;
  let prompt = 'Vocabulary:';
  for (const term of terms) {
    const next = `${prompt}${prompt.endsWith(':') ? ' ' : ', '}${term}`;
    if (next.length + 1 > MAX_PROMPT_CHARS) break;
    prompt = next;
  }
  return prompt.endsWith(':') ? undefined : `${prompt}.`;
}

function toWord(raw: unknown): SttWord[] {
  if (!raw || typeof raw !== 'object') return [];
  const w = raw as { word?: unknown; start?: unknown; end?: unknown };
  if (typeof w.word !== 'string' || typeof w.start !== 'number' || typeof w.end !== 'number') return [];
  return [{ word: w.word.trim(), startMs: Math.round(w.start * 1000), endMs: Math.round(w.end * 1000) }];
}
