import { ConfigError, describeEngines, loadConfig, redactUrl, trustProxy } from './app-config';

const base = {
  DATABASE_URL: 'postgres://app:hunter2@db:5432/mockroom',
  REDIS_URL: 'redis://127.0.0.1:6379',
  MOCKROOM_SECRET: 'x'.repeat(40),
};

describe('loadConfig', () => {
  it('reads the defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.database.poolSize).toBe(10);
    expect(config.workerInProcess).toBe(false);
    expect(config.openai).toBeNull();
    expect(config.livekit).toBeNull();
  });

  it('reads the engine settings, and refuses bad ones at start', () => {
    expect(loadConfig(base).engines).toEqual({
      openaiBaseUrl: null,
      stt: { engine: 'auto', model: null, poolSize: null },
      tts: { engine: 'auto', model: null, voice: null, openaiVoice: null },
      assessment: { engine: 'auto', model: null, timeoutMs: null },
    });
    const set = loadConfig({
      ...base,
      STT_ENGINE: 'pocketsphinx',
      STT_POOL_SIZE: '3',
      TTS_ENGINE: 'espeak-ng',
      TTS_VOICE: 'en-gb',
      ASSESSMENT_ENGINE: 'llm',
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
      OPENAI_ASSESSMENT_MODEL: 'llama3',
      ASSESSMENT_TIMEOUT_MS: '20000',
    }).engines;
    expect(set).toMatchObject({
      openaiBaseUrl: 'http://127.0.0.1:8000/v1',
      stt: { engine: 'pocketsphinx', poolSize: 3 },
      tts: { engine: 'espeak-ng', voice: 'en-gb' },
      assessment: { engine: 'llm', model: 'llama3', timeoutMs: 20_000 },
    });
    expect(() => loadConfig({ ...base, STT_ENGINE: 'vosk' })).toThrow(
      /STT_ENGINE must be one of auto, pocketsphinx, openai, got "vosk"/,
    );
    expect(() => loadConfig({ ...base, TTS_ENGINE: 'polly' })).toThrow(
      /TTS_ENGINE must be one of auto, flite, espeak-ng, openai, browser/,
    );
    expect(() => loadConfig({ ...base, STT_POOL_SIZE: 'two' })).toThrow(
      /STT_POOL_SIZE must be an integer between 1 and 64/,
    );
    expect(() => loadConfig({ ...base, ASSESSMENT_ENGINE: 'gpt' })).toThrow(
      /ASSESSMENT_ENGINE must be one of auto, rubric, llm/,
    );
    expect(() => loadConfig({ ...base, ASSESSMENT_TIMEOUT_MS: '-5' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, OPENAI_BASE_URL: 'localhost:8000' })).toThrow(
      /OPENAI_BASE_URL must be an http\(s\) URL/,
    );
  });

  it('keeps the embedded database to one connection and runs jobs in process', () => {
    const config = loadConfig({ ...base, MOCKROOM_DATABASE_MODE: 'embedded', DATABASE_POOL_SIZE: '20' });
    expect(config.database.poolSize).toBe(1);
    expect(config.workerInProcess).toBe(true);
  });

  it('records LiveKit microphones unless told not to, into the given path', () => {
    const livekit = {
      ...base,
      LIVEKIT_URL: 'wss://lk',
      LIVEKIT_API_KEY: 'key',
      LIVEKIT_API_SECRET: 'a-secret-that-is-long-enough-for-lk',
    };
    expect(loadConfig(livekit).livekit).toMatchObject({ egress: true, egressPath: 'mockroom' });
    expect(
      loadConfig({ ...livekit, LIVEKIT_EGRESS: 'off', LIVEKIT_EGRESS_PATH: '/out/recordings/' }).livekit,
    ).toMatchObject({ egress: false, egressPath: '/out/recordings' });
    expect(() => loadConfig({ ...livekit, LIVEKIT_EGRESS: 'sometimes' })).toThrow(/LIVEKIT_EGRESS must be on or off/);
    // Empty values (as a config map leaves them) mean "not set".
    expect(
      loadConfig({ ...livekit, LIVEKIT_PUBLIC_URL: '', LIVEKIT_EGRESS: '', LIVEKIT_EGRESS_PATH: '' }).livekit,
    ).toMatchObject({ publicUrl: 'wss://lk', egress: true, egressPath: 'mockroom' });
  });

  it('explains what is missing', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: undefined })).toThrow(/DATABASE_URL is not set/);
    expect(() => loadConfig({ ...base, MOCKROOM_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ ...base, TURN_END_RULE: 'guess' })).toThrow(
      /TURN_END_RULE must be one of meaning, silence/,
    );
    expect(loadConfig(base).interviews.turnEndRule).toBe('meaning');
    expect(loadConfig({ ...base, TURN_END_RULE: 'silence' }).interviews.turnEndRule).toBe('silence');
    expect(() => loadConfig({ ...base, LIVEKIT_URL: 'wss://lk' })).toThrow(/LIVEKIT_API_KEY/);
  });

  it('reads the answer time budgets per category, and refuses what is not one', () => {
    expect(loadConfig(base).interviews.answerBudgetSeconds).toEqual({});
    expect(
      loadConfig({ ...base, ANSWER_TIME_BUDGETS: 'system-design=360, behavioral=240' }).interviews.answerBudgetSeconds,
    ).toEqual({ 'system-design': 360, behavioral: 240 });
    expect(() => loadConfig({ ...base, ANSWER_TIME_BUDGETS: 'design=360' })).toThrow(
      /ANSWER_TIME_BUDGETS: "design=360" is not category=seconds/,
    );
    expect(() => loadConfig({ ...base, ANSWER_TIME_BUDGETS: 'behavioral=2m' })).toThrow(
      /budget of behavioral must be whole seconds/,
    );
    expect(() => loadConfig({ ...base, ANSWER_TIME_BUDGETS: 'behavioral=5' })).toThrow(/between 30 and 3600/);
    expect(() => loadConfig({ ...base, ANSWER_TIME_BUDGETS: 'behavioral' })).toThrow(
      /not category=seconds|whole seconds/,
    );
  });

  it('never reports secrets', () => {
    const engines = describeEngines(loadConfig(base));
    expect(JSON.stringify(engines)).not.toContain('hunter2');
    expect(redactUrl('postgres://a:b@h/d')).toBe('postgres://a:***@h/d');
  });

  it('reads TRUST_PROXY as Express takes it, and refuses what it is not', () => {
    expect(trustProxy(undefined)).toBe('loopback');
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('uniquelocal, 10.0.0.0/8')).toBe('uniquelocal,10.0.0.0/8');
    expect(() => trustProxy('nginx')).toThrow(ConfigError);
    expect(loadConfig({ ...base, TRUST_PROXY: 'uniquelocal' }).http.trustProxy).toBe('uniquelocal');
  });
});
