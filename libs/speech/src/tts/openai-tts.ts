import type OpenAI from 'openai';
import { isAbortError, SpeechEngineError } from '../errors';
import {
  DEFAULT_TIMEOUT_MS,
  describeOpenAiError,
  hostOf,
  openAiClient,
  type OpenAiConnectionOptions,
} from '../openai-client';
import { checkTtsText, type SynthesizeOptions, type TextToSpeech, type TtsResult } from './types';
import { ttsResult } from './wav-result';

export interface OpenAiTtsOptions extends OpenAiConnectionOptions {
  /** Speech model (default "tts-1"). */
  model?: string;
  /** Default voice (default "alloy"). */
  voice?: string;
}

/** Text-to-speech through the OpenAI API or a compatible server; asks for WAV and returns 16-bit PCM WAV. */
export class OpenAiTextToSpeech implements TextToSpeech {
  readonly name: string;
  readonly label: string;
  readonly mode = 'external' as const;
  private readonly client: OpenAI;
  private readonly model: string;

  constructor(private readonly options: OpenAiTtsOptions = {}) {
    this.model = options.model ?? 'tts-1';
    this.name = `openai:${this.model}`;
    this.label = options.baseUrl ? `${this.model} (${hostOf(options.baseUrl)})` : `OpenAI ${this.model}`;
    this.client = openAiClient(options);
  }

  async synthesize(text: string, options: SynthesizeOptions = {}): Promise<TtsResult> {
    const input = checkTtsText(this.name, text);
    const voice = options.voice ?? this.options.voice ?? 'alloy';
    let audio: Buffer;
    const started = Date.now();
    try {
      const response = await this.client.audio.speech.create(
        { model: this.model, voice, input, response_format: 'wav' },
        { signal: options.signal },
      );
      audio = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (isAbortError(error) && options.signal?.aborted) throw error;
      throw new SpeechEngineError(
        this.name,
        `speech synthesis with ${this.model} at ${hostOf(this.options.baseUrl)} failed: ${describeOpenAiError(error, { elapsedMs: Date.now() - started, timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS })}`,
        { cause: error },
      );
    }
    try {
      return ttsResult(audio, this.name);
    } catch (error) {
      throw new SpeechEngineError(
        this.name,
        `${this.model} at ${hostOf(this.options.baseUrl)} did not return a usable WAV file: ${describeOpenAiError(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}
