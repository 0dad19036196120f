import { toPcm16Wav } from '../audio/wav';
import type { TtsResult } from './types';

/** Whatever WAV an engine produced, as an exact 16-bit PCM WAV with its duration. */
export function ttsResult(wav: Uint8Array, engine: string): TtsResult {
  const pcm = toPcm16Wav(wav);
  return {
    wav: pcm.wav,
    sampleRate: pcm.sampleRate,
    durationMs: Math.round((pcm.frames * 1000) / pcm.sampleRate),
    engine,
  };
}
