import { SpeechEngineError } from '../errors';

export interface TtsResult {
  /** A 16-bit PCM WAV file. */
  wav: Buffer;
  sampleRate: number;
  durationMs: number;
  engine: string;
}

export interface SynthesizeOptions {
  voice?: string;
  signal?: AbortSignal;
}

export interface TextToSpeech {
  readonly name: string;
  readonly label: string;
  readonly mode: 'offline' | 'external';
  synthesize(text: string, options?: SynthesizeOptions): Promise<TtsResult>;
}

export const MAX_TTS_TEXT_CHARS = 2000;

/** The text to speak, trimmed; rejects empty and oversized text. */
export function checkTtsText(engine: string, text: string): string {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!trimmed) throw new SpeechEngineError(engine, 'nothing to say: the text is empty');
  if (trimmed.length > MAX_TTS_TEXT_CHARS) {
    throw new SpeechEngineError(
      engine,
      `the text is too long to speak at once (${trimmed.length} characters; at most ${MAX_TTS_TEXT_CHARS})`,
    );
  }
  return trimmed;
}
