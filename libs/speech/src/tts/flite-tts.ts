import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage, isAbortError, SpeechEngineError, SpeechEngineUnavailableError } from '../errors';
import { run, which } from '../util/process';
import { checkTtsText, type SynthesizeOptions, type TextToSpeech, type TtsResult } from './types';
import { ttsResult } from './wav-result';

export const FLITE_VOICES = ['slt', 'kal16', 'kal', 'rms', 'awb'] as const;

export interface FliteOptions {
  /** Default voice (default "slt"). */
  voice?: string;
  searchPath?: string;
  timeoutMs?: number;
}

/** Offline text-to-speech with CMU Flite (Debian package flite). */
export class FliteTextToSpeech implements TextToSpeech {
  readonly name = 'flite';
  readonly label = 'Flite (offline)';
  readonly mode = 'offline' as const;

  constructor(private readonly options: FliteOptions = {}) {
    if (options.voice) checkVoice(options.voice);
  }

  static available(searchPath?: string): boolean {
    return which('flite', searchPath) !== null;
  }

  async synthesize(text: string, options: SynthesizeOptions = {}): Promise<TtsResult> {
    const input = checkTtsText(this.name, text);
    const voice = checkVoice(options.voice ?? this.options.voice ?? 'slt');
    const flite = which('flite', this.options.searchPath);
    if (!flite) throw new SpeechEngineUnavailableError(this.name, 'flite is not installed (apt-get install flite)');
    const dir = await mkdtemp(join(tmpdir(), 'mockroom-flite-'));
    try {
      const out = join(dir, 'speech.wav');
      const result = await run(flite, ['-voice', voice, '-t', input, '-o', out], {
        signal: options.signal,
        timeoutMs: this.options.timeoutMs ?? 60_000,
      });
      if (result.code !== 0)
        throw new Error(`flite exited with code ${result.code}: ${result.stderr.trim().slice(-300)}`);
      return ttsResult(await readFile(out), this.name);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new SpeechEngineError(this.name, `flite could not speak the text: ${errorMessage(error)}`, {
        cause: error,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function checkVoice(voice: string): string {
  if (!(FLITE_VOICES as readonly string[]).includes(voice)) {
    throw new SpeechEngineError('flite', `unknown flite voice "${voice}" (available: ${FLITE_VOICES.join(', ')})`);
  }
  return voice;
}
