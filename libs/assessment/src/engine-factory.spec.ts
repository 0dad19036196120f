import {
  AssessmentConfigError,
  assessmentOptionsFromEnv,
  createAssessmentEngine,
  describeAssessmentEngine,
} from './engine-factory';
import { LlmEngine } from './llm/llm-engine';
import { RubricEngine } from './rubric/rubric-engine';

describe('assessmentOptionsFromEnv', () => {
  it('maps the environment variables', () => {
    expect(
      assessmentOptionsFromEnv({
        OPENAI_API_KEY: 'sk-1',
        OPENAI_BASE_URL: 'http://localhost:11434/v1',
        OPENAI_ASSESSMENT_MODEL: 'llama3.1',
        ASSESSMENT_ENGINE: 'LLM',
        ASSESSMENT_TIMEOUT_MS: '5000',
      }),
    ).toEqual({
      engine: 'llm',
      apiKey: 'sk-1',
      baseURL: 'http://localhost:11434/v1',
      model: 'llama3.1',
      timeoutMs: 5000,
    });
  });

  it('defaults to auto with nothing set, treating empty values as unset', () => {
    expect(assessmentOptionsFromEnv({ OPENAI_API_KEY: '  ', ASSESSMENT_ENGINE: '' })).toEqual({
      engine: 'auto',
      apiKey: undefined,
      baseURL: undefined,
      model: undefined,
      timeoutMs: undefined,
    });
  });

  it('refuses invalid values with a clear message', () => {
    expect(() => assessmentOptionsFromEnv({ ASSESSMENT_ENGINE: 'gpt' })).toThrow(AssessmentConfigError);
    expect(() => assessmentOptionsFromEnv({ ASSESSMENT_TIMEOUT_MS: '-3' })).toThrow(/ASSESSMENT_TIMEOUT_MS/);
    expect(() => assessmentOptionsFromEnv({ ASSESSMENT_TIMEOUT_MS: 'soon' })).toThrow(/ASSESSMENT_TIMEOUT_MS/);
    expect(() => assessmentOptionsFromEnv({ OPENAI_BASE_URL: 'localhost:1234' })).toThrow(/OPENAI_BASE_URL/);
  });
});

describe('createAssessmentEngine', () => {
  const rubric = new RubricEngine();
  it('picks the LLM engine when an API key is given, else the rubric engine', () => {
    expect(createAssessmentEngine({ rubricEngine: rubric })).toBe(rubric);
    const llm = createAssessmentEngine({ apiKey: 'sk-1', rubricEngine: rubric });
    expect(llm).toBeInstanceOf(LlmEngine);
    expect(llm.kind).toBe('llm');
    expect((llm as LlmEngine).model).toBe('gpt-4o-mini');
    expect((llm as LlmEngine).timeoutMs).toBe(20_000);
  });

  it('honours an explicit choice', () => {
    expect(createAssessmentEngine({ engine: 'rubric', apiKey: 'sk-1', rubricEngine: rubric })).toBe(rubric);
    expect(
      createAssessmentEngine({
        engine: 'llm',
        baseURL: 'http://localhost:11434/v1',
        model: 'llama3.1',
        rubricEngine: rubric,
      }),
    ).toBeInstanceOf(LlmEngine);
    expect(() => createAssessmentEngine({ engine: 'llm' })).toThrow(/OPENAI_API_KEY/);
  });

  it('describes the engine for people', () => {
    expect(describeAssessmentEngine({})).toEqual({
      name: 'rubric',
      mode: 'offline',
      detail: expect.stringMatching(/offline/),
    });
    expect(describeAssessmentEngine({ apiKey: 'k', baseURL: 'http://x/v1' }).detail).toMatch(
      /gpt-4o-mini via http:\/\/x\/v1/,
    );
  });
});

describe('contract mapping', () => {
  it('maps an assessment to AnswerScores, RubricJudgement[] and an engine label', async () => {
    const { toAnswerScores, toRubricJudgements, engineLabel } = await import('./contracts-mapping');
    const { QuestionBank } = await import('@mockroom/question-bank');
    const question = QuestionBank.load().get('distributed-rate-limiter');
    if (!question) throw new Error('missing question');
    const a = new RubricEngine().assessSync({
      question,
      transcript: 'i would do the check and increment in a lua script in redis so it is atomic across servers',
    });
    expect(toAnswerScores(a)).toEqual(a.scores);
    const judgements = toRubricJudgements(a);
    expect(judgements).toHaveLength(question.rubric.length);
    expect(judgements.find((j) => j.covered)?.evidence).toMatch(/lua script/);
    expect(engineLabel(a)).toBe('rubric');
    expect(
      engineLabel({
        ...a,
        engine: { name: 'rubric', kind: 'rubric', fallbackFrom: 'llm', fallbackReason: 'rate limited (429)' },
      }),
    ).toBe('rubric (fallback from llm: rate limited (429))');
  });
});
