import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../llm/testing/fake-openai-server';
import { clarificationReplyWithLlm, classifyUtteranceWithLlm } from './llm-interviewer';

const question = QuestionBank.load().get('realtime-collaborative-editor-design') as Question;

describe('LLM variants of the interviewer helpers', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const llm = () => ({ apiKey: 'k', baseURL: server.baseURL, maxRetries: 0, timeoutMs: 300 });

  it('classifies with the model when it answers with a valid kind', async () => {
    server.reply = () => ({ kind: 'json', value: { kind: 'skip' } });
    await expect(classifyUtteranceWithLlm('i would honestly prefer the next one', { llm: llm() })).resolves.toEqual({
      value: 'skip',
      source: 'llm',
    });
    const body = server.requests[server.requests.length - 1].body;
    expect(body['temperature']).toBe(0);
    expect((body['response_format'] as { type: string }).type).toBe('json_schema');
  });

  it('falls back to the rules on an invalid kind, a 429 or a hang, with the reason', async () => {
    server.reply = () => ({ kind: 'json', value: { kind: 'dance' } });
    await expect(classifyUtteranceWithLlm('can we skip this one', { llm: llm() })).resolves.toEqual({
      value: 'skip',
      source: 'rules',
      fallbackReason: expect.stringMatching(/^schema violation/),
    });
    server.reply = () => ({ kind: 'status', status: 429 });
    await expect(classifyUtteranceWithLlm('say that again', { llm: llm() })).resolves.toEqual({
      value: 'repeat',
      source: 'rules',
      fallbackReason: 'rate limited (429)',
    });
    server.reply = () => ({ kind: 'hang' });
    await expect(classifyUtteranceWithLlm('can i assume a single region', { llm: llm() })).resolves.toEqual({
      value: 'clarify',
      source: 'rules',
      fallbackReason: 'timeout after 300 ms',
    });
  });

  it('replies to a clarifying question with the model, or offline when it fails', async () => {
    server.reply = () => ({
      kind: 'json',
      value: { reply: 'Assume one region for now and tell me how you would add more.' },
    });
    const ok = await clarificationReplyWithLlm(question, 'can i assume a single region', { llm: llm() });
    expect(ok).toEqual({ value: 'Assume one region for now and tell me how you would add more.', source: 'llm' });
    const prompt = (server.requests[server.requests.length - 1].body['messages'] as { content: string }[])
      .map((m) => m.content)
      .join('\n');
    expect(prompt).toContain(question.text);
    expect(prompt).toContain('can i assume a single region');

    server.reply = () => ({ kind: 'content', content: 'not json at all' });
    const fallback = await clarificationReplyWithLlm(question, 'can i assume a single region', { llm: llm() });
    expect(fallback.source).toBe('rules');
    expect(fallback.fallbackReason).toBe('malformed JSON from the model');
    expect(fallback.value).toMatch(/state your assumption about regions/);
  });
});
