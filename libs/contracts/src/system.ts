export interface EngineInfo {
  kind: 'database' | 'queue' | 'stt' | 'tts' | 'assessment' | 'media';
  name: string;
  mode: 'offline' | 'external' | 'embedded' | 'local' | 'browser';
  detail?: string;
}

export interface SystemInfo {
  version: string;
  engines: EngineInfo[];
}
