export interface EngineInfo {
  kind: 'database' | 'queue' | 'stt' | 'tts' | 'assessment' | 'media' | 'code';
  name: string;
  mode: 'offline' | 'external' | 'embedded' | 'local' | 'browser';
  detail?: string;
}

export interface SystemInfo {
  version: string;
  engines: EngineInfo[];
}

/** The speech-to-text engines (STT_ENGINE; `auto` picks OpenAI when a key is given, else PocketSphinx). */
export const STT_ENGINES = ['pocketsphinx', 'openai'] as const;
export type SttEngineName = (typeof STT_ENGINES)[number];
/** The interviewer's voice engines (TTS_ENGINE; `auto` picks OpenAI, else flite, else espeak-ng, else the browser). */
export const TTS_ENGINES = ['flite', 'espeak-ng', 'openai', 'browser'] as const;
export type TtsEngineName = (typeof TTS_ENGINES)[number];
/** The scoring engines (ASSESSMENT_ENGINE; `auto` picks the LLM when a key is given, else the rubric engine). */
export const ASSESSMENT_ENGINES = ['rubric', 'llm'] as const;
export type AssessmentEngineName = (typeof ASSESSMENT_ENGINES)[number];
