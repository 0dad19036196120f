/**
 * One structured call to an OpenAI-compatible chat-completions API: a JSON schema for the output,
 * temperature 0, a hard deadline, and every failure turned into an `LlmError` with a short reason
 * ("timeout after 20000 ms", "rate limited (429)", "malformed JSON from the model") that callers put
 * in the result when they fall back.
 */
import OpenAI from 'openai';

export const DEFAULT_LLM_MODEL = 'gpt-4o-mini';
export const DEFAULT_LLM_TIMEOUT_MS = 20_000;
/** Retries the SDK may make on 429/5xx/connection errors, within the same deadline. */
export const DEFAULT_LLM_MAX_RETRIES = 1;

export interface LlmClientOptions {
  apiKey?: string;
  /** An OpenAI-compatible server, e.g. http://localhost:11434/v1. */
  baseURL?: string;
  model?: string;
  /** The whole call, retries included, must finish within this (default 20 s). */
  timeoutMs?: number;
  maxRetries?: number;
}

/** A failed model call; `reason` is what the fallback reports. */
export class LlmError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'LlmError';
  }
}

export interface LlmSettings {
  client: OpenAI;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

export function llmSettings(options: LlmClientOptions): LlmSettings {
  const timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_LLM_TIMEOUT_MS;
  const maxRetries =
    options.maxRetries !== undefined && options.maxRetries >= 0
      ? Math.floor(options.maxRetries)
      : DEFAULT_LLM_MAX_RETRIES;
  const client = new OpenAI({
    // Local OpenAI-compatible servers often need no key; the SDK insists on one.
    apiKey: options.apiKey || 'not-needed',
    baseURL: options.baseURL || undefined,
    timeout: timeoutMs,
    maxRetries,
    fetch: noRetryPastDeadline(timeoutMs),
  });
  return { client, model: options.model || DEFAULT_LLM_MODEL, timeoutMs, maxRetries };
}

/**
 * A fetch that tells the SDK not to retry (`x-should-retry: false`) when the server asks for a wait
 * longer than half the deadline: waiting would only turn "rate limited" into "timeout".
 */
function noRetryPastDeadline(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (res.status !== 429 && res.status < 500) return res;
    const ms = Number(res.headers.get('retry-after-ms') ?? NaN);
    const s = Number(res.headers.get('retry-after') ?? NaN);
    const waitMs = Number.isFinite(ms) ? ms : Number.isFinite(s) ? s * 1000 : 0;
    if (waitMs <= timeoutMs / 2) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** A short, human-readable reason for a failed call. */
export function describeLlmError(err: unknown, timeoutMs: number): string {
  if (err instanceof LlmError) return err.reason;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return `timeout after ${timeoutMs} ms`;
  if (err instanceof OpenAI.APIUserAbortError) return `timeout after ${timeoutMs} ms`;
  if (err instanceof OpenAI.APIConnectionError) return `network error (${err.message || 'connection failed'})`;
  if (err instanceof OpenAI.APIError) {
    const status = err.status;
    if (status === 429) {
      const retryAfter = headerOf(err.headers, 'retry-after');
      return retryAfter ? `rate limited (429), retry after ${retryAfter} s` : 'rate limited (429)';
    }
    if (status !== undefined && status >= 500) return `server error (${status})`;
    if (status === 401 || status === 403) return `not authorised (${status})`;
    if (status !== undefined) return `request refused (${status}): ${String(err.message).slice(0, 120)}`;
    return `API error: ${String(err.message).slice(0, 120)}`;
  }
  if (err instanceof SyntaxError) return 'malformed JSON from the model';
  return `unexpected error: ${err instanceof Error ? err.message : String(err)}`.slice(0, 160);
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

/**
 * Calls the model with a strict JSON schema and returns the parsed JSON. Throws `LlmError` on any
 * failure of the model or the network (deadline included), and the caller's abort reason when the
 * caller aborts.
 */
export async function completeJson(
  settings: LlmSettings,
  request: {
    system: string;
    user: string;
    schemaName: string;
    schema: Record<string, unknown>;
    maxTokens?: number;
    signal?: AbortSignal;
  },
): Promise<unknown> {
  const { client, model, timeoutMs } = settings;
  if (request.signal?.aborted) throw abortError(request.signal);
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort();
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LlmError(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const call = client.chat.completions.create(
      {
        model,
        temperature: 0,
        max_tokens: request.maxTokens ?? 1500,
        response_format: {
          type: 'json_schema',
          json_schema: { name: request.schemaName, strict: true, schema: request.schema },
        },
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
      },
      { signal: controller.signal, timeout: timeoutMs },
    );
    // The SDK's own retry sleeps ignore the abort signal, so the deadline is raced, not just signalled.
    call.catch(() => undefined);
    const completion = await Promise.race([call, deadline]);
    const choice = completion.choices?.[0];
    if (!choice) throw new LlmError('empty response from the model (no choices)');
    const message = choice.message;
    if (message?.refusal) throw new LlmError(`the model refused: ${message.refusal.slice(0, 120)}`);
    const content = message?.content;
    if (typeof content !== 'string' || content.trim() === '') throw new LlmError('empty response from the model');
    try {
      return JSON.parse(content) as unknown;
    } catch (err) {
      throw new LlmError(
        choice.finish_reason === 'length'
          ? 'malformed JSON from the model (output cut off at max tokens)'
          : 'malformed JSON from the model',
        { cause: err },
      );
    }
  } catch (err) {
    if (request.signal?.aborted) throw abortError(request.signal);
    if (err instanceof LlmError) throw err;
    throw new LlmError(describeLlmError(err, timeoutMs), { cause: err });
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}
