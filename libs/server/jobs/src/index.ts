export { Engines, engineKey } from './engines.providers';
export * from './interviews/interview-presenters';
export * from './jobs.module';
export { promptAudioUrl } from './speech/synthesize-prompt.job';
export { toSegmentDto } from './transcription/transcribe-segment.job';
export { SessionAudio, sessionAudioUrl } from './review/session-audio';
