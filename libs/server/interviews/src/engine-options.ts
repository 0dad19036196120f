import type { AssessmentEngineOptions } from '@mockroom/assessment';
import type { AppConfig } from '@mockroom/server-config';
import type { SpeechOptions } from '@mockroom/speech';

/** The speech engines' options from the validated configuration (unset settings are the engines' defaults). */
export function speechOptions(config: AppConfig, searchPath = process.env.PATH): SpeechOptions {
  const { stt, tts, openaiBaseUrl } = config.engines;
  const options: SpeechOptions = {
    sttEngine: stt.engine,
    ttsEngine: tts.engine,
    apiKey: config.openai?.apiKey,
    baseUrl: openaiBaseUrl ?? undefined,
    sttModel: stt.model ?? undefined,
    ttsModel: tts.model ?? undefined,
    openaiTtsVoice: tts.openaiVoice ?? undefined,
    ttsVoice: tts.voice ?? undefined,
    poolSize: stt.poolSize ?? undefined,
    dataDir: config.dataDir,
    searchPath,
  };
  for (const key of Object.keys(options) as (keyof SpeechOptions)[])
    if (options[key] === undefined) delete options[key];
  return options;
}

/** The scoring engine's options from the validated configuration. */
export function assessmentOptions(config: AppConfig): AssessmentEngineOptions {
  const { assessment, openaiBaseUrl } = config.engines;
  return {
    engine: assessment.engine,
    apiKey: config.openai?.apiKey,
    baseURL: openaiBaseUrl ?? undefined,
    model: assessment.model ?? undefined,
    timeoutMs: assessment.timeoutMs ?? undefined,
  };
}

/** Where the worker says which engines it runs (the API shows them): a Redis key of the installation. */
export function engineKey(config: AppConfig): string {
  return `${config.redis.prefix}:engines`;
}
