import type {
  CodeSandbox,
  SandboxLanguage,
  SandboxLimits,
  SandboxRequest,
  SandboxResult,
  SandboxVerdict,
} from './sandbox';
import {
  OutputBudget,
  describeVerdict,
  formatDuration,
  looksOutOfMemory,
  resolveLimits,
  unavailableResult,
  validateRequest,
} from './sandbox-limits';

export interface PistonSandboxOptions {
  /** The Piston server, e.g. http://piston:2000 (the API is under /api/v2). */
  url: string;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Limits for runs that do not set their own. */
  defaults?: Partial<SandboxLimits>;
  /** How long to wait for Piston beyond the run's wall limit (its queue, starting the runtime), ms (default 15000). */
  requestSlackMs?: number;
}

/** Piston's name for each language (its runtimes also answer to aliases, but these are the canonical ones). */
const PISTON_LANGUAGE: Record<SandboxLanguage, string> = { javascript: 'javascript', python: 'python' };
const MIB = 1024 * 1024;
/** A failed check is retried after this long: the server may just not be up yet. */
const RECHECK_AFTER_FAILURE_MS = 30_000;

/** One stage of Piston's answer. `status`, `message`, `memory`, `cpu_time`, `wall_time` come from isolate-based versions. */
export interface PistonStage {
  stdout?: string;
  stderr?: string;
  output?: string;
  code?: number | null;
  signal?: string | null;
  status?: string | null;
  message?: string | null;
  memory?: number | null;
  cpu_time?: number | null;
  wall_time?: number | null;
}

export interface PistonExecuteBody {
  language: string;
  version: string;
  files: { name: string; content: string }[];
  stdin: string;
  run_timeout: number;
  compile_timeout: number;
  run_cpu_time: number;
  run_memory_limit: number;
}

/**
 * Runs code on a Piston server (https://github.com/engineer-man/piston) instead of this machine. The server's own
 * configured maximums must be at least our limits (PISTON_RUN_TIMEOUT, PISTON_RUN_CPU_TIME, PISTON_RUN_MEMORY_LIMIT…):
 * Piston refuses a request asking for more, and the run ends 'unavailable' with its message.
 */
export class PistonSandbox implements CodeSandbox {
  readonly name: string;
  private readonly url: string;
  private readonly fetch: typeof fetch;
  private readonly defaults: Partial<SandboxLimits>;
  private readonly requestSlackMs: number;
  private checked: { at: number; result: Promise<{ ok: true } | { ok: false; reason: string }> } | null = null;

  constructor(options: PistonSandboxOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.name = `Piston at ${this.url}`;
    this.fetch = options.fetch ?? fetch;
    this.defaults = options.defaults ?? {};
    resolveLimits(this.defaults);
    this.requestSlackMs = options.requestSlackMs ?? 15_000;
  }

  /** Whether the server answers and has both runtimes. A success is kept; a failure is asked again after 30 s. */
  check(): Promise<{ ok: true } | { ok: false; reason: string }> {
    const now = Date.now();
    if (this.checked) {
      const fresh = now - this.checked.at < RECHECK_AFTER_FAILURE_MS;
      if (fresh) return this.checked.result;
      const kept = this.checked.result;
      return kept.then((result) => (result.ok ? result : this.recheck()));
    }
    return this.recheck();
  }

  private recheck(): Promise<{ ok: true } | { ok: false; reason: string }> {
    const result = this.checkRuntimes();
    this.checked = { at: Date.now(), result };
    return result;
  }

  private async checkRuntimes(): Promise<{ ok: true } | { ok: false; reason: string }> {
    let runtimes: unknown;
    try {
      const response = await this.fetch(`${this.url}/api/v2/runtimes`, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) return { ok: false, reason: `${this.name} answered HTTP ${response.status} for its runtimes.` };
      runtimes = await response.json();
    } catch (error) {
      return { ok: false, reason: `${this.name} is unreachable: ${describeFetchError(error)}.` };
    }
    if (!Array.isArray(runtimes)) return { ok: false, reason: `${this.name} did not list its runtimes.` };
    const missing = (Object.values(PISTON_LANGUAGE) as string[]).filter(
      (language) =>
        !runtimes.some(
          (rt: { language?: unknown; aliases?: unknown }) =>
            rt?.language === language || (Array.isArray(rt?.aliases) && rt.aliases.includes(language)),
        ),
    );
    if (missing.length > 0) {
      return { ok: false, reason: `${this.name} has no ${missing.join(' or ')} runtime installed.` };
    }
    return { ok: true };
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    validateRequest(request);
    const limits = resolveLimits(this.defaults, request.limits);
    const body = pistonBody(request, limits);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);

    let response: Response;
    try {
      response = await this.fetch(`${this.url}/api/v2/execute`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(limits.wallMs + this.requestSlackMs),
      });
    } catch (error) {
      if (asErrorLike(error).name === 'TimeoutError') {
        const waited = formatDuration(limits.wallMs + this.requestSlackMs);
        return unavailableResult(`${this.name} did not answer within ${waited}.`, elapsed());
      }
      return unavailableResult(`${this.name} is unreachable: ${describeFetchError(error)}.`, elapsed());
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const said = jsonMessage(text);
      return unavailableResult(
        `${this.name} refused the run (HTTP ${response.status}${said ? `: ${said}` : ''}).`,
        elapsed(),
      );
    }
    let answer: { run?: PistonStage; compile?: PistonStage };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      return unavailableResult(`${this.name} sent an answer that is not JSON.`, elapsed());
    }
    if (!answer.run || typeof answer.run !== 'object') {
      return unavailableResult(`${this.name} sent an answer without a run.`, elapsed());
    }
    // A compile stage that failed is what the candidate needs to see (JavaScript and Python normally have none).
    const stage =
      answer.compile && answer.compile.code !== 0 && answer.compile.code !== undefined ? answer.compile : answer.run;
    return mapPistonStage(stage, limits, elapsed());
  }
}

/** The request body for Piston's execute endpoint: the entry first (Piston runs the first file), limits in ms and bytes. */
export function pistonBody(request: SandboxRequest, limits: SandboxLimits): PistonExecuteBody {
  const names = [request.entry, ...Object.keys(request.files).filter((name) => name !== request.entry)];
  return {
    language: PISTON_LANGUAGE[request.language],
    version: '*',
    files: names.map((name) => ({ name, content: request.files[name] })),
    stdin: request.stdin ?? '',
    run_timeout: limits.wallMs,
    compile_timeout: limits.wallMs,
    run_cpu_time: limits.cpuMs,
    run_memory_limit: limits.memoryMb * MIB,
  };
}

/** Piston's stage result as our verdict, with the output cut to our own limit. */
export function mapPistonStage(stage: PistonStage, limits: SandboxLimits, measuredMs: number): SandboxResult {
  const budget = new OutputBudget(limits.outputBytes);
  budget.take('stdout', Buffer.from(stage.stdout ?? '', 'utf8'));
  budget.take('stderr', Buffer.from(stage.stderr ?? '', 'utf8'));
  const stdout = budget.text('stdout');
  const stderr = budget.text('stderr');
  const exitCode = typeof stage.code === 'number' ? stage.code : null;
  const signal = typeof stage.signal === 'string' && stage.signal ? stage.signal : null;
  const status = typeof stage.status === 'string' ? stage.status : null;
  const wallMs = typeof stage.wall_time === 'number' ? Math.round(stage.wall_time) : measuredMs;
  const memoryBytes = limits.memoryMb * MIB;

  if (status === 'XX') {
    return unavailableResult(`Piston could not run the program: ${stage.message ?? 'internal error'}.`, wallMs);
  }
  let verdict: SandboxVerdict;
  if (budget.exceeded || status === 'OL' || status === 'EL') verdict = 'output-limit';
  else if (status === 'TO') verdict = /wall/i.test(stage.message ?? '') ? 'timeout' : 'cpu-limit';
  else if (signal === 'SIGXCPU') verdict = 'cpu-limit';
  else if (exitCode === 0 && !signal) verdict = 'ok';
  else if (looksOutOfMemory(stderr)) verdict = 'memory-limit';
  else if (signal === 'SIGKILL' && typeof stage.memory === 'number' && stage.memory >= memoryBytes * 0.95) {
    verdict = 'memory-limit'; // killed by the cgroup at its memory limit
  } else if (signal === 'SIGKILL')
    verdict = status ? 'killed' : 'timeout'; // older Piston only SIGKILLs on its timeout
  else verdict = 'runtime-error';

  return {
    verdict,
    exitCode: signal ? null : exitCode,
    signal,
    stdout,
    stderr,
    truncated: budget.exceeded,
    wallMs,
    message: describeVerdict(verdict, limits, { exitCode, signal, wallMs, stderr }),
  };
}

function describeFetchError(error: unknown): string {
  // Duck-typed: fetch's errors may come from another realm (test runners), where instanceof Error fails.
  const { name, message, cause } = asErrorLike(error);
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
  const inner = asErrorLike(cause);
  return inner.message ?? inner.code ?? message ?? String(error);
}

function asErrorLike(value: unknown): { name?: string; message?: string; code?: string; cause?: unknown } {
  if (!value || typeof value !== 'object') return {};
  const { name, message, code, cause } = value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return { name: text(name), message: text(message), code: text(code), cause };
}

function jsonMessage(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : null;
  } catch {
    return text.trim().slice(0, 200) || null;
  }
}
