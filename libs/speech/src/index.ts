export * from './audio';
export { Endpointer, ENDPOINTER_DEFAULTS, type EndpointEvent, type EndpointerOptions } from './endpointing/endpointer';
export type { OpenStreamOptions, SpeechStream, SpeechToText, SttResult, SttWord, TranscribeOptions } from './stt/types';
export {
  PocketSphinxSpeechToText,
  type PocketSphinxOptions,
  type PocketSphinxBackend,
} from './stt/pocketsphinx/pocketsphinx-stt';
export { pocketsphinxAvailable, pocketsphinxProblems, DEFAULT_MODEL_DIR } from './stt/pocketsphinx/model';
export { OpenAiSpeechToText, type OpenAiSttOptions } from './stt/openai-stt';
export type { TextToSpeech, TtsResult, SynthesizeOptions } from './tts/types';
export { MAX_TTS_TEXT_CHARS } from './tts/types';
export { FliteTextToSpeech, FLITE_VOICES, type FliteOptions } from './tts/flite-tts';
export { EspeakTextToSpeech, type EspeakOptions } from './tts/espeak-tts';
export { OpenAiTextToSpeech, type OpenAiTtsOptions } from './tts/openai-tts';
export {
  createSpeechToText,
  createTextToSpeech,
  speechOptionsFromEnv,
  STT_ENGINES,
  TTS_ENGINES,
  type SpeechOptions,
  type SttEngineName,
  type TtsEngineName,
} from './engines';
export { wordErrorRate, normalizeText, normalizeWords, numberToWords, type WerResult } from './wer';
export { SpeechEngineError, SpeechEngineUnavailableError } from './errors';
export { finalContour, type FinalContour, type FinalContourOptions } from './prosody/final-contour';
export { yinPitch, type PitchOptions } from './prosody/pitch';
