import { errorMessage, isAbortError, SpeechEngineError, SpeechEngineUnavailableError } from '../errors';
import { run, which } from '../util/process';
import { checkTtsText, type SynthesizeOptions, type TextToSpeech, type TtsResult } from './types';
import { ttsResult } from './wav-result';

export interface EspeakOptions {
  /** Default voice (default "en-us"); variants as in espeak-ng, e.g. "en-gb+f3". */
  voice?: string;
  /** Words per minute (default 165). */
  wordsPerMinute?: number;
  searchPath?: string;
  timeoutMs?: number;
}

const VOICE_PATTERN = /^[a-z]{2,3}(-[a-z0-9]+)*(\+[a-z0-9]+)?$/i;

/** Offline text-to-speech with eSpeak NG (Debian package espeak-ng): robotic but small and fast. */
export class EspeakTextToSpeech implements TextToSpeech {
  readonly name = 'espeak-ng';
  readonly label = 'eSpeak NG (offline)';
  readonly mode = 'offline' as const;

  constructor(private readonly options: EspeakOptions = {}) {
    if (options.voice) checkVoice(options.voice);
  }

  static available(searchPath?: string): boolean {
    return which('espeak-ng', searchPath) !== null;
  }

  async synthesize(text: string, options: SynthesizeOptions = {}): Promise<TtsResult> {
    const input = checkTtsText(this.name, text);
    const voice = checkVoice(options.voice ?? this.options.voice ?? 'en-us');
    const espeak = which('espeak-ng', this.options.searchPath);
    if (!espeak)
      throw new SpeechEngineUnavailableError(this.name, 'espeak-ng is not installed (apt-get install espeak-ng)');
    try {
      // The text goes in on stdin, so it can never be taken for an option.
      const result = await run(espeak, ['--stdout', '-v', voice, '-s', String(this.options.wordsPerMinute ?? 165)], {
        input,
        signal: options.signal,
        timeoutMs: this.options.timeoutMs ?? 60_000,
      });
      if (result.code !== 0)
        throw new Error(`espeak-ng exited with code ${result.code}: ${result.stderr.trim().slice(-300)}`);
      // espeak-ng streams its WAV with placeholder sizes; ttsResult rewrites it with exact ones.
      return ttsResult(result.stdout, this.name);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new SpeechEngineError(this.name, `espeak-ng could not speak the text: ${errorMessage(error)}`, {
        cause: error,
      });
    }
  }
}

function checkVoice(voice: string): string {
  if (!VOICE_PATTERN.test(voice))
    throw new SpeechEngineError('espeak-ng', `bad espeak-ng voice "${voice}" (expected e.g. en-us or en-gb+f3)`);
  return voice;
}
