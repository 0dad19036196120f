import type { TailoredClaimQuestion } from '@mockroom/contracts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../llm/testing/fake-openai-server';
import { phraseClaimQuestionsWithLlm } from './llm-claim-questions';

const claims: TailoredClaimQuestion[] = [
  {
    questionId: 'claim-a1',
    claim: { id: 'claim-a1', text: 'Cut p95 latency by 40%.', metric: 'by 40%', organisation: 'Acme', kind: 'impact' },
    text: 'You wrote that you cut p95 latency by 40% at Acme. How did you measure it?',
    followUps: ['What was the baseline?'],
    rubric: [{ id: 'claim-a1#1', text: 'Explains how the 40% was measured' }],
    keyTerms: ['p95 latency'],
  },
  {
    questionId: 'claim-b2',
    claim: { id: 'claim-b2', text: 'Led the move to Kafka.', metric: null, organisation: null, kind: 'leadership' },
    text: 'You led the move to Kafka. What was your own part?',
    followUps: ['What went wrong?'],
    rubric: [{ id: 'claim-b2#1', text: 'Separates their part from the team' }],
    keyTerms: ['Kafka'],
  },
];

describe('claim questions phrased by a language model', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const llm = () => ({ apiKey: 'k', baseURL: server.baseURL, maxRetries: 0, timeoutMs: 500 });

  it('takes the model’s wording and keeps the rubric, sending only the claims', async () => {
    server.reply = () => ({
      kind: 'json',
      value: {
        questions: [
          {
            claimId: 'claim-b2',
            text: 'Tell me about the Kafka migration you led: which part was yours?',
            followUps: [],
          },
          {
            claimId: 'claim-a1',
            text: 'Acme’s latency dropped by 40% on your watch. How did you establish the baseline?',
            followUps: ['Which percentile mattered to users?'],
          },
        ],
      },
    });
    const result = await phraseClaimQuestionsWithLlm(claims, { llm: llm(), level: 'senior' });
    expect(result.source).toBe('llm');
    expect(result.value.map((c) => c.text)).toEqual([
      'Acme’s latency dropped by 40% on your watch. How did you establish the baseline?',
      'Tell me about the Kafka migration you led: which part was yours?',
    ]);
    expect(result.value[0].followUps).toEqual(['Which percentile mattered to users?']);
    // No follow-ups from the model: the templates' stay.
    expect(result.value[1].followUps).toEqual(['What went wrong?']);
    expect(result.value.map((c) => c.rubric)).toEqual(claims.map((c) => c.rubric));
    const sent = JSON.stringify(server.requests.at(-1)!.body);
    expect(sent).toContain('Cut p95 latency by 40%.');
    expect(sent).toContain('LEVEL: senior');
  });

  it('keeps the templates, and says why, when the model leaves a claim out, answers badly or not at all', async () => {
    server.reply = () => ({
      kind: 'json',
      value: { questions: [{ claimId: 'claim-a1', text: 'How did you measure it?', followUps: [] }] },
    });
    const partial = await phraseClaimQuestionsWithLlm(claims, { llm: llm(), level: 'mid' });
    expect(partial).toEqual({
      value: claims,
      source: 'rules',
      fallbackReason: 'schema violation: no usable question for 1 of 2 claims',
    });
    server.reply = () => ({
      kind: 'json',
      value: {
        questions: claims.map((c) => ({ claimId: c.claim.id, text: 'Not a question.', followUps: [] })),
      },
    });
    expect((await phraseClaimQuestionsWithLlm(claims, { llm: llm(), level: 'mid' })).source).toBe('rules');
    server.reply = () => ({ kind: 'status', status: 500 });
    const failed = await phraseClaimQuestionsWithLlm(claims, { llm: llm(), level: 'mid' });
    expect(failed.value).toEqual(claims);
    expect(failed.fallbackReason).toMatch(/500/);
    server.reply = () => ({ kind: 'hang' });
    expect((await phraseClaimQuestionsWithLlm(claims, { llm: llm(), level: 'mid' })).fallbackReason).toMatch(/time/i);
  });
});
