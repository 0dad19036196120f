/**
 * A local HTTP server that speaks the OpenAI chat-completions request and response shapes, for tests:
 * it records each request and answers with whatever the test scripts (a completion, an error status
 * with headers, malformed content, or no answer at all).
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type FakeReply =
  | { kind: 'content'; content: string; finishReason?: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'hang' };

export interface FakeOpenAiServer {
  baseURL: string;
  requests: RecordedRequest[];
  /** What to answer; called per request (the index counts from 0). */
  reply: (request: RecordedRequest, index: number) => FakeReply;
  close: () => Promise<void>;
}

export function chatCompletion(content: string, model = 'gpt-4o-mini', finishReason = 'stop'): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

export async function startFakeOpenAiServer(
  reply: FakeOpenAiServer['reply'] = () => ({ kind: 'content', content: '{}' }),
): Promise<FakeOpenAiServer> {
  const hanging = new Set<ServerResponse>();
  const state: Omit<FakeOpenAiServer, 'baseURL' | 'close'> = { requests: [], reply };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      const index = state.requests.length;
      state.requests.push(recorded);
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
        return;
      }
      const r = state.reply(recorded, index);
      switch (r.kind) {
        case 'content':
          send(res, 200, chatCompletion(r.content, String(body['model'] ?? 'gpt-4o-mini'), r.finishReason));
          return;
        case 'json':
          send(res, 200, chatCompletion(JSON.stringify(r.value), String(body['model'] ?? 'gpt-4o-mini')));
          return;
        case 'status':
          send(
            res,
            r.status,
            r.body ?? { error: { message: `status ${r.status}`, type: 'server_error', code: null } },
            r.headers,
          );
          return;
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeOpenAiServer = {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    get reply() {
      return state.reply;
    },
    set reply(fn) {
      state.reply = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
