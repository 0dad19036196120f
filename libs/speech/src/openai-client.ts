import OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

export interface OpenAiConnectionOptions {
  /** API key; optional with a `baseUrl` (self-hosted OpenAI-compatible servers often need none). */
  apiKey?: string;
  /** Any OpenAI-compatible server, e.g. http://localhost:8000/v1 (default: OpenAI). */
  baseUrl?: string;
  /** Per-request time limit (default 60 s). */
  timeoutMs?: number;
  /** Retries after a failed request (default 1). */
  maxRetries?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export function openAiClient(options: OpenAiConnectionOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey || 'not-needed',
    baseURL: options.baseUrl || undefined,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? 1,
  });
}

/** "HTTP 401: Incorrect API key", "timed out after 60000 ms" and the like, for wrapped errors. */
export function describeOpenAiError(error: unknown, timing?: { elapsedMs: number; timeoutMs: number }): string {
  const timedOut =
    error instanceof APIConnectionTimeoutError ||
    (error instanceof APIConnectionError && timing && timing.elapsedMs >= timing.timeoutMs * 0.9);
  if (timedOut) return `timed out (no answer within ${timing?.timeoutMs ?? 'the'} ms)`;
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `could not reach the server (${error.message.replace(/\.$/, '')}${cause})`;
  }
  if (error instanceof APIError) {
    const status = error.status !== undefined ? `HTTP ${error.status}` : error.name;
    return `${status}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function hostOf(baseUrl: string | undefined): string {
  if (!baseUrl) return 'api.openai.com';
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
