import { STT_ENGINES, TTS_ENGINES, type SttEngineName, type TtsEngineName } from '@mockroom/contracts';
import { join, resolve } from 'node:path';
import { SpeechEngineError, SpeechEngineUnavailableError } from './errors';
import { OpenAiSpeechToText } from './stt/openai-stt';
import { INSTALL_HINT, pocketsphinxProblems } from './stt/pocketsphinx/model';
import { PocketSphinxSpeechToText, type PocketSphinxOptions } from './stt/pocketsphinx/pocketsphinx-stt';
import type { SpeechToText } from './stt/types';
import { EspeakTextToSpeech } from './tts/espeak-tts';
import { FliteTextToSpeech } from './tts/flite-tts';
import { OpenAiTextToSpeech } from './tts/openai-tts';
import type { TextToSpeech } from './tts/types';

export { STT_ENGINES, TTS_ENGINES, type SttEngineName, type TtsEngineName };

export interface SpeechOptions {
  /** Speech-to-text engine (default 'auto': OpenAI when an API key is given, else PocketSphinx). */
  sttEngine?: SttEngineName | 'auto';
  /** Text-to-speech engine (default 'auto': OpenAI when an API key is given, else flite, else espeak-ng, else the browser). */
  ttsEngine?: TtsEngineName | 'auto';
  /** OpenAI (or compatible server) API key. */
  apiKey?: string;
  /** OpenAI-compatible server, e.g. a self-hosted Whisper (default: OpenAI). */
  baseUrl?: string;
  /** OpenAI transcription model (default "whisper-1"). */
  sttModel?: string;
  /** OpenAI speech model (default "tts-1"). */
  ttsModel?: string;
  /** OpenAI voice (default "alloy"). */
  openaiTtsVoice?: string;
  /** Voice of the offline speech engine (flite: slt, kal16, rms, awb; espeak-ng: en-us, en-gb+f3, ...). */
  ttsVoice?: string;
  /** PocketSphinx decoder processes (default 2). */
  poolSize?: number;
  /** Where the compiled PocketSphinx decoder is cached (default `<dataDir>/bin`). */
  binDir?: string;
  /** Mockroom's data folder (default ".mockroom"). */
  dataDir?: string;
  /** Where programs (flite, pocketsphinx_continuous, cc, ...) are looked for, PATH syntax (default: the standard system folders). */
  searchPath?: string;
  /** Time limit of external requests (default 60 s). */
  timeoutMs?: number;
  /** Further PocketSphinx settings. */
  pocketsphinx?: Omit<PocketSphinxOptions, 'poolSize' | 'binDir' | 'dataDir' | 'searchPath'>;
}

function hasOpenAi(options: SpeechOptions): boolean {
  return Boolean(options.apiKey || options.baseUrl);
}

export function createSpeechToText(options: SpeechOptions = {}): SpeechToText {
  const engine = options.sttEngine ?? 'auto';
  if (engine === 'openai' || (engine === 'auto' && options.apiKey)) {
    if (!hasOpenAi(options)) {
      throw new SpeechEngineUnavailableError(
        'openai',
        'the OpenAI speech-to-text engine needs an API key (OPENAI_API_KEY) or a compatible server (OPENAI_BASE_URL)',
      );
    }
    return new OpenAiSpeechToText({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl,
      model: options.sttModel,
      timeoutMs: options.timeoutMs,
    });
  }
  if (engine === 'pocketsphinx' || engine === 'auto') {
    const ps: PocketSphinxOptions = {
      ...options.pocketsphinx,
      poolSize: options.poolSize,
      binDir: options.binDir ?? (options.dataDir ? join(resolve(options.dataDir), 'bin') : undefined),
      dataDir: options.dataDir,
      searchPath: options.searchPath,
    };
    const problems = pocketsphinxProblems(ps);
    if (problems.length > 0) {
      const alternative = engine === 'auto' ? ', or set OPENAI_API_KEY to use OpenAI' : '';
      throw new SpeechEngineUnavailableError(
        'pocketsphinx',
        `no speech-to-text engine is available: ${problems.join('; ')}; ${INSTALL_HINT}${alternative}`,
      );
    }
    return new PocketSphinxSpeechToText(ps);
  }
  throw new SpeechEngineError(
    String(engine),
    `unknown speech-to-text engine "${String(engine)}" (use ${[...STT_ENGINES, 'auto'].join(', ')})`,
  );
}

/** The server-side voice, or null when the browser speaks ('browser', or 'auto' with no engine installed). */
export function createTextToSpeech(options: SpeechOptions = {}): TextToSpeech | null {
  const engine = options.ttsEngine ?? 'auto';
  const openai = () => {
    if (!hasOpenAi(options)) {
      throw new SpeechEngineUnavailableError(
        'openai',
        'the OpenAI text-to-speech engine needs an API key (OPENAI_API_KEY) or a compatible server (OPENAI_BASE_URL)',
      );
    }
    return new OpenAiTextToSpeech({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl,
      model: options.ttsModel,
      voice: options.openaiTtsVoice,
      timeoutMs: options.timeoutMs,
    });
  };
  const flite = () => new FliteTextToSpeech({ voice: options.ttsVoice, searchPath: options.searchPath });
  const espeak = () => new EspeakTextToSpeech({ voice: options.ttsVoice, searchPath: options.searchPath });
  switch (engine) {
    case 'browser':
      return null;
    case 'openai':
      return openai();
    case 'flite':
      if (!FliteTextToSpeech.available(options.searchPath))
        throw new SpeechEngineUnavailableError('flite', 'flite is not installed (apt-get install flite)');
      return flite();
    case 'espeak-ng':
      if (!EspeakTextToSpeech.available(options.searchPath))
        throw new SpeechEngineUnavailableError('espeak-ng', 'espeak-ng is not installed (apt-get install espeak-ng)');
      return espeak();
    case 'auto':
      if (options.apiKey) return openai();
      if (FliteTextToSpeech.available(options.searchPath)) return flite();
      if (EspeakTextToSpeech.available(options.searchPath)) return espeak();
      return null;
    default:
      throw new SpeechEngineError(
        String(engine),
        `unknown text-to-speech engine "${String(engine)}" (use ${[...TTS_ENGINES, 'auto'].join(', ')})`,
      );
  }
}

/**
 * ENVIRONMENT: the only place in this lib that looks at environment variables. Maps
 * STT_ENGINE, TTS_ENGINE, OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_STT_MODEL, OPENAI_TTS_MODEL,
 * OPENAI_TTS_VOICE, TTS_VOICE, STT_POOL_SIZE, MOCKROOM_DATA_DIR (and PATH, to find programs)
 * to options. Pass `process.env` or any record; empty values count as unset.
 */
export function speechOptionsFromEnv(env: Record<string, string | undefined>): SpeechOptions {
  const get = (key: string) => {
    const value = env[key]?.trim();
    return value ? value : undefined;
  };
  const sttEngine = get('STT_ENGINE');
  if (sttEngine && ![...STT_ENGINES, 'auto'].includes(sttEngine)) {
    throw new SpeechEngineError(
      sttEngine,
      `STT_ENGINE must be one of ${[...STT_ENGINES, 'auto'].join(', ')} (got "${sttEngine}")`,
    );
  }
  const ttsEngine = get('TTS_ENGINE');
  if (ttsEngine && ![...TTS_ENGINES, 'auto'].includes(ttsEngine)) {
    throw new SpeechEngineError(
      ttsEngine,
      `TTS_ENGINE must be one of ${[...TTS_ENGINES, 'auto'].join(', ')} (got "${ttsEngine}")`,
    );
  }
  const pool = get('STT_POOL_SIZE');
  let poolSize: number | undefined;
  if (pool !== undefined) {
    poolSize = Number(pool);
    if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 64) {
      throw new SpeechEngineError('pocketsphinx', `STT_POOL_SIZE must be a whole number from 1 to 64 (got "${pool}")`);
    }
  }
  const options: SpeechOptions = {
    sttEngine: sttEngine as SpeechOptions['sttEngine'],
    ttsEngine: ttsEngine as SpeechOptions['ttsEngine'],
    apiKey: get('OPENAI_API_KEY'),
    baseUrl: get('OPENAI_BASE_URL'),
    sttModel: get('OPENAI_STT_MODEL'),
    ttsModel: get('OPENAI_TTS_MODEL'),
    openaiTtsVoice: get('OPENAI_TTS_VOICE'),
    ttsVoice: get('TTS_VOICE'),
    poolSize,
    dataDir: get('MOCKROOM_DATA_DIR'),
    searchPath: get('PATH'),
  };
  for (const key of Object.keys(options) as (keyof SpeechOptions)[])
    if (options[key] === undefined) delete options[key];
  return options;
}
