import { loadConfig } from '@mockroom/server-config';
import { assessmentOptions, speechOptions } from './engine-options';

const base = {
  DATABASE_URL: 'postgres://app@db:5432/mockroom',
  REDIS_URL: 'redis://127.0.0.1:6379',
  MOCKROOM_SECRET: 'x'.repeat(40),
  MOCKROOM_DATA_DIR: '/srv/mockroom',
};

describe('engine options from the configuration', () => {
  it('hands the engines what was configured, and nothing for what was not', () => {
    expect(speechOptions(loadConfig(base), '/usr/bin')).toEqual({
      sttEngine: 'auto',
      ttsEngine: 'auto',
      dataDir: '/srv/mockroom',
      searchPath: '/usr/bin',
    });
    expect(assessmentOptions(loadConfig(base))).toEqual({
      engine: 'auto',
      apiKey: undefined,
      baseURL: undefined,
      model: undefined,
      timeoutMs: undefined,
    });
    const config = loadConfig({
      ...base,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'https://llm.example/v1',
      STT_POOL_SIZE: '4',
      OPENAI_TTS_VOICE: 'nova',
      ASSESSMENT_TIMEOUT_MS: '9000',
    });
    expect(speechOptions(config, '/usr/bin')).toMatchObject({
      apiKey: 'sk-test',
      baseUrl: 'https://llm.example/v1',
      poolSize: 4,
      openaiTtsVoice: 'nova',
    });
    expect(assessmentOptions(config)).toMatchObject({
      apiKey: 'sk-test',
      baseURL: 'https://llm.example/v1',
      timeoutMs: 9000,
    });
  });
});
