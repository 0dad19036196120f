import {
  ASSESSMENT_ENGINES,
  CATEGORIES,
  STT_ENGINES,
  TTS_ENGINES,
  type AssessmentEngineName,
  type Category,
  type EngineInfo,
  type SttEngineName,
  type TtsEngineName,
} from '@mockroom/contracts';

/**
 * The whole server configuration, read once from the environment.
 * `npm start` resolves DATABASE_URL and REDIS_URL (local services, embedded database, private Redis)
 * before the API and worker start, so by the time this runs both are set.
 */
export interface AppConfig {
  env: 'production' | 'development' | 'test';
  /** Nest log levels to print; LOG_LEVEL=error|warn|log|debug|verbose picks that level and the ones above it. */
  logLevels: ('error' | 'warn' | 'log' | 'debug' | 'verbose')[];
  host: string;
  port: number;
  /** Where the built web client lives; served by the API when present. */
  webRoot: string | null;
  /** Shared secret for CSRF tokens; generated and kept in the data folder by `npm start` when not given. */
  secret: string;
  /** Folder for local data: embedded database, recordings. */
  dataDir: string;
  /** Recordings and synthesised prompts; shared by the API and the worker (a shared volume when they run apart). */
  mediaDir: string;
  interviews: {
    /** The pause that ends a transcript segment (short; the answer goes on). */
    segmentSilenceMs: number;
    /** How long the live turn waits for the assessment before deciding with the fast offline rubric. */
    decisionBudgetMs: number;
    /** Live interviews untouched this long are marked abandoned. */
    idleMinutes: number;
    /**
     * How the AI interviewer tells that an answer is over: `meaning` reads each pause (what was said, how much of the
     * rubric is covered) and answers about a second after a finished answer; `silence` is the plain rule of waiting
     * for the interview's whole patience after the last word (kept to compare the two).
     */
    turnEndRule: 'meaning' | 'silence';
    /**
     * How long a first answer to a question of these categories may run before the AI interviewer cuts in at a pause,
     * in seconds (`ANSWER_TIME_BUDGETS=system-design=360,behavioral=240`); categories not named keep their default.
     */
    answerBudgetSeconds: Partial<Record<Category, number>>;
  };
  /** What one participant's audio may cost the server (see docs/architecture.md, "Security"). */
  audio: {
    /** Audio streams a participant may hold at once; a new one closes the oldest. */
    streamsPerSpeaker: number;
    /** New audio streams an interview may open per minute. */
    newStreamsPerMinute: number;
    /** How much faster than real time frames may arrive, sustained (1 = real time). */
    maxRate: number;
    /** Audio that may arrive at once beyond that (a resend after a reconnect), in ms. */
    burstMs: number;
    /** The most audio an interview records, all streams together, in minutes. */
    maxRecordingMinutes: number;
  };
  database: {
    url: string;
    /** How the database was found: given in DATABASE_URL, a local server, or the embedded one. */
    mode: 'external' | 'local' | 'embedded';
    poolSize: number;
    /** How long a query waits for a free pooled connection before failing. */
    connectTimeoutMs: number;
    logging: boolean;
  };
  redis: {
    url: string;
    mode: 'external' | 'local' | 'private';
    /** Key prefix for queues, so several installations (or test runs) can share one Redis. */
    prefix: string;
  };
  /** Run the job processors inside the API process (the embedded database allows one connection). */
  workerInProcess: boolean;
  auth: {
    sessionTtlHours: number;
    /** How often live sockets' sessions are checked again (expired or revoked ones are disconnected), ms. */
    socketSessionCheckMs: number;
    /** Send cookies with `Secure`; on when the public URL is https. */
    secureCookies: boolean;
    /** Failed sign-ins to one account from one browser (its device cookie, else its address) before that pair is locked. */
    signInAttemptsPerAccount: number;
    /** Failed sign-ins to one account from anywhere before each further try waits twice as long as the last. */
    signInFailuresBeforeDelay: number;
    signInAttemptsPerIp: number;
    signInWindowSeconds: number;
    signUpsPerIpPerHour: number;
  };
  http: {
    jsonLimit: string;
    /**
     * Which proxies' X-Forwarded-For to believe (Express's `trust proxy`): the client address the per-IP limits use.
     * TRUST_PROXY: `loopback` (default: a proxy on this machine), `false`, a hop count, or addresses/subnets
     * (`uniquelocal` for a proxy in the same Docker or Kubernetes network).
     */
    trustProxy: boolean | number | string;
  };
  openai: { apiKey: string; baseUrl: string | null } | null;
  /**
   * Which engines transcribe, speak and score, and their settings (validated at start; unset values are the engines'
   * defaults). `auto` picks OpenAI (or the LLM) when `openai` is set, else the offline engine.
   */
  engines: {
    /** An OpenAI-compatible server (OPENAI_BASE_URL), also without a key: a local Whisper or LLM. */
    openaiBaseUrl: string | null;
    stt: { engine: SttEngineName | 'auto'; model: string | null; poolSize: number | null };
    tts: { engine: TtsEngineName | 'auto'; model: string | null; voice: string | null; openaiVoice: string | null };
    assessment: { engine: AssessmentEngineName | 'auto'; model: string | null; timeoutMs: number | null };
  };
  /** `url` is where the servers reach LiveKit; `publicUrl` where browsers do (LIVEKIT_PUBLIC_URL, else the same). */
  livekit: {
    url: string;
    publicUrl: string;
    apiKey: string;
    apiSecret: string;
    /** Record each participant's microphone through LiveKit egress (LIVEKIT_EGRESS, default on), into `egressPath`. */
    egress: boolean;
    /** Where egress writes the recordings, on its host or its configured storage (LIVEKIT_EGRESS_PATH). */
    egressPath: string;
  } | null;
  /** Where candidates' code runs: a Piston server (CODE_RUNNER_URL), or null for the bubblewrap sandbox on the worker. */
  codeRunner: { url: string | null };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off, got "${env[name]}"`);
}

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw))
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** A value that may be unset (empty counts as unset). */
function text(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

function optionalInt(env: Env, name: string, min: number, max: number): number | null {
  return text(env, name) === null ? null : int(env, name, 0, min, max);
}

function openaiBaseUrl(env: Env): string | null {
  const url = text(env, 'OPENAI_BASE_URL');
  if (url !== null && !/^https?:\/\//i.test(url))
    throw new ConfigError(`OPENAI_BASE_URL must be an http(s) URL, got "${url}"`);
  return url;
}

/** `category=seconds` pairs, comma separated: each name a category, each value whole seconds from 30 to 3600. */
function answerBudgets(env: Env): Partial<Record<Category, number>> {
  const raw = text(env, 'ANSWER_TIME_BUDGETS');
  const budgets: Partial<Record<Category, number>> = {};
  if (raw === null) return budgets;
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value, ...rest] = pair.split('=').map((p) => p.trim());
    if (!(CATEGORIES as readonly string[]).includes(name) || rest.length > 0) {
      throw new ConfigError(
        `ANSWER_TIME_BUDGETS: "${pair}" is not category=seconds (categories: ${CATEGORIES.join(', ')})`,
      );
    }
    const seconds = Number(value);
    if (!Number.isInteger(seconds) || seconds < 30 || seconds > 3600) {
      throw new ConfigError(
        `ANSWER_TIME_BUDGETS: the budget of ${name} must be whole seconds between 30 and 3600, got "${value ?? ''}"`,
      );
    }
    budgets[name as Category] = seconds;
  }
  return budgets;
}

function required(env: Env, name: string, hint: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${name} is not set. ${hint}`);
  return value;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const databaseMode = (env.MOCKROOM_DATABASE_MODE ?? 'external') as AppConfig['database']['mode'];
  if (!['external', 'local', 'embedded'].includes(databaseMode)) {
    throw new ConfigError(`MOCKROOM_DATABASE_MODE must be external, local or embedded, got "${databaseMode}"`);
  }
  const redisMode = (env.MOCKROOM_REDIS_MODE ?? 'external') as AppConfig['redis']['mode'];
  const publicUrl = env.PUBLIC_URL ?? '';
  const openaiKey = env.OPENAI_API_KEY;
  const baseUrl = openaiBaseUrl(env);
  const livekitUrl = env.LIVEKIT_URL;
  if (livekitUrl && (!env.LIVEKIT_API_KEY || !env.LIVEKIT_API_SECRET)) {
    throw new ConfigError('LIVEKIT_URL is set but LIVEKIT_API_KEY or LIVEKIT_API_SECRET is missing.');
  }
  const secret = required(env, 'MOCKROOM_SECRET', 'Set it to a long random string (npm start generates one for you).');
  if (secret.length < 32) throw new ConfigError('MOCKROOM_SECRET must be at least 32 characters long.');

  const levels = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  const logLevel = (env.LOG_LEVEL ?? 'warn') as (typeof levels)[number];
  if (!levels.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${levels.join(', ')}, got "${logLevel}"`);

  return {
    env: nodeEnv,
    logLevels: levels.slice(0, levels.indexOf(logLevel) + 1),
    host: env.HOST ?? '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    webRoot: env.MOCKROOM_WEB_ROOT || null,
    secret,
    dataDir: env.MOCKROOM_DATA_DIR ?? '.mockroom',
    mediaDir: env.MOCKROOM_MEDIA_DIR ?? `${env.MOCKROOM_DATA_DIR ?? '.mockroom'}/media`,
    interviews: {
      segmentSilenceMs: int(env, 'SEGMENT_SILENCE_MS', 600, 200, 3000),
      decisionBudgetMs: int(env, 'DECISION_BUDGET_MS', 1500, 0, 60_000),
      idleMinutes: int(env, 'INTERVIEW_IDLE_MINUTES', 120, 1),
      turnEndRule: oneOf(env, 'TURN_END_RULE', ['meaning', 'silence'] as const, 'meaning'),
      answerBudgetSeconds: answerBudgets(env),
    },
    audio: {
      streamsPerSpeaker: int(env, 'AUDIO_STREAMS_PER_SPEAKER', 4, 1, 64),
      newStreamsPerMinute: int(env, 'AUDIO_NEW_STREAMS_PER_MINUTE', 30, 1, 10_000),
      maxRate: int(env, 'AUDIO_MAX_RATE_PERCENT', 125, 100, 100_000) / 100,
      // The browser keeps 10 s of audio to resend after a reconnect.
      burstMs: int(env, 'AUDIO_BURST_MS', 12_000, 1000, 3_600_000),
      maxRecordingMinutes: int(env, 'AUDIO_MAX_RECORDING_MINUTES', 180, 1, 24 * 60),
    },
    database: {
      url: required(
        env,
        'DATABASE_URL',
        'Start the product with `npm start`, which finds or embeds a database, or set DATABASE_URL=postgres://…',
      ),
      mode: databaseMode,
      // The embedded database serves one connection at a time.
      poolSize: databaseMode === 'embedded' ? 1 : int(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
      connectTimeoutMs: int(env, 'DATABASE_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
      logging: env.DATABASE_LOGGING === 'true',
    },
    redis: {
      url: required(
        env,
        'REDIS_URL',
        'Start the product with `npm start`, which finds or starts Redis, or set REDIS_URL=redis://…',
      ),
      mode: ['external', 'local', 'private'].includes(redisMode) ? redisMode : 'external',
      prefix: env.MOCKROOM_QUEUE_PREFIX ?? 'mockroom',
    },
    workerInProcess: env.MOCKROOM_WORKER_IN_PROCESS === 'true' || databaseMode === 'embedded',
    auth: {
      sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
      socketSessionCheckMs: int(env, 'SOCKET_SESSION_CHECK_MS', 60_000, 100, 3_600_000),
      secureCookies: publicUrl.startsWith('https://') || env.SECURE_COOKIES === 'true',
      signInAttemptsPerAccount: int(env, 'SIGN_IN_ATTEMPTS_PER_ACCOUNT', 5, 1),
      signInFailuresBeforeDelay: int(env, 'SIGN_IN_FAILURES_BEFORE_DELAY', 10, 1),
      signInAttemptsPerIp: int(env, 'SIGN_IN_ATTEMPTS_PER_IP', 50, 1),
      signInWindowSeconds: int(env, 'SIGN_IN_WINDOW_SECONDS', 15 * 60, 1),
      signUpsPerIpPerHour: int(env, 'SIGN_UPS_PER_IP_PER_HOUR', 30, 1),
    },
    http: { jsonLimit: env.HTTP_JSON_LIMIT ?? '64kb', trustProxy: trustProxy(env.TRUST_PROXY) },
    openai: openaiKey ? { apiKey: openaiKey, baseUrl } : null,
    engines: {
      openaiBaseUrl: baseUrl,
      stt: {
        engine: oneOf(env, 'STT_ENGINE', ['auto', ...STT_ENGINES] as const, 'auto'),
        model: text(env, 'OPENAI_STT_MODEL'),
        poolSize: optionalInt(env, 'STT_POOL_SIZE', 1, 64),
      },
      tts: {
        engine: oneOf(env, 'TTS_ENGINE', ['auto', ...TTS_ENGINES] as const, 'auto'),
        model: text(env, 'OPENAI_TTS_MODEL'),
        voice: text(env, 'TTS_VOICE'),
        openaiVoice: text(env, 'OPENAI_TTS_VOICE'),
      },
      assessment: {
        engine: oneOf(env, 'ASSESSMENT_ENGINE', ['auto', ...ASSESSMENT_ENGINES] as const, 'auto'),
        model: text(env, 'OPENAI_ASSESSMENT_MODEL'),
        timeoutMs: optionalInt(env, 'ASSESSMENT_TIMEOUT_MS', 1, 600_000),
      },
    },
    livekit: livekitUrl
      ? {
          url: livekitUrl,
          publicUrl: env.LIVEKIT_PUBLIC_URL || livekitUrl,
          apiKey: env.LIVEKIT_API_KEY!,
          apiSecret: env.LIVEKIT_API_SECRET!,
          egress: bool(env, 'LIVEKIT_EGRESS', true),
          egressPath: (env.LIVEKIT_EGRESS_PATH || 'mockroom').replace(/\/+$/, ''),
        }
      : null,
    codeRunner: { url: httpUrl(env, 'CODE_RUNNER_URL') },
  };
}

function httpUrl(env: Env, name: string): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** What the UI and the start-up banner report about the services in use. Never includes secrets. */
export function describeEngines(config: AppConfig): EngineInfo[] {
  const engines: EngineInfo[] = [
    {
      kind: 'database',
      name: config.database.mode === 'embedded' ? 'PGlite (embedded PostgreSQL)' : 'PostgreSQL',
      mode: config.database.mode === 'embedded' ? 'embedded' : config.database.mode === 'local' ? 'local' : 'external',
      detail: redactUrl(config.database.url),
    },
    {
      kind: 'queue',
      name: 'BullMQ on Redis',
      mode: config.redis.mode === 'external' ? 'external' : 'local',
      detail: redactUrl(config.redis.url),
    },
  ];
  engines.push(
    config.livekit
      ? { kind: 'media', name: 'LiveKit', mode: 'external', detail: config.livekit.url }
      : { kind: 'media', name: 'Built-in audio transport (Socket.IO)', mode: 'local' },
    config.codeRunner.url
      ? { kind: 'code', name: 'Piston', mode: 'external', detail: redactUrl(config.codeRunner.url) }
      : { kind: 'code', name: 'bubblewrap sandbox on the worker', mode: 'local' },
  );
  return engines;
}

/** Hides passwords in connection URLs before they are printed or sent to a browser. */
/** TRUST_PROXY as Express takes it: `false`/`true`, a hop count, or a comma-separated list of addresses and names. */
export function trustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? '').trim();
  if (!v) return 'loopback';
  if (/^(false|no|off|0)$/i.test(v)) return false;
  if (/^(true|yes|on)$/i.test(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  const parts = v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
  for (const part of parts) {
    if (!named.has(part) && !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(part)) {
      throw new ConfigError(
        `TRUST_PROXY: "${part}" is not an address, a subnet, or one of loopback, linklocal, uniquelocal.`,
      );
    }
  }
  return parts.join(',');
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
