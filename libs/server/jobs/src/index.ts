export { Engines, engineKey } from './engines.providers';
export { assessmentOptions, speechOptions } from './engine-options';
export * from './interviews/interview-presenters';
export * from './jobs.module';
export { promptAudioUrl } from './speech/synthesize-prompt.job';
export { toSegmentDto } from './transcription/transcribe-segment.job';
export { SessionAudio, sessionAudioUrl } from './review/session-audio';
