import { classifyUtterance } from './classify-utterance';

describe('classifyUtterance', () => {
  const cases: Record<'repeat' | 'skip' | 'clarify' | 'answer', string[]> = {
    repeat: [
      'Could you repeat the question?',
      'could you repeat the question',
      'can you please repeat that',
      'repeat please',
      'say that again',
      'sorry can you say that one more time',
      'sorry what was the question',
      "what's the question again",
      'um sorry i didnt catch that',
      "I didn't quite hear the last part",
      'come again',
      'pardon',
      'sorry?',
      'what',
      'can you re peat the question',
      'could you rephrase it',
      'sorry you cut out',
      'one more time please',
      'uh what did you say',
    ],
    skip: [
      'can we skip this one',
      'Can we skip this one?',
      "I'd rather move on",
      'id rather move on',
      'pass',
      'Pass.',
      'i think ill pass on this one',
      "i'll pass",
      'skip',
      'lets move on',
      "let's skip it",
      'next question please',
      'can we do another question',
      "honestly i'd prefer to skip this",
      'i give up',
      'can we come back to this later',
    ],
    clarify: [
      'can i assume a single region',
      'Can I assume a single region?',
      'should i consider authentication',
      'do you want me to write code',
      'how many users are we talking about',
      'um so just to clarify are we talking about reads or writes',
      'is it okay if i use postgres',
      'what is the expected scale',
      'are there any constraints on latency',
      'what kind of data are we storing',
      'should i worry about multiple regions',
      'do i need to handle payments too',
      'how much traffic per second',
      'am i allowed to use a managed service',
      'i am assuming this is a single tenant system right',
      'what do you mean by real time',
    ],
    answer: [
      "i don't know",
      'i would use redis',
      'i would not repeat the request',
      'we pass the token in a header',
      'then we move on to the next step which is caching',
      'how would i approach this well first i would look at the slow query log and then check the indexes',
      'so first i would put a load balancer in front and then use redis to repeat the check across servers because the counters need to be shared between all the instances otherwise each server counts on its own',
      'the client retries so the server must be idempotent otherwise we charge twice',
      'to pass the audit we skip nothing and log every request we move on only when the checks are green and we can repeat the whole run any time we need to',
      'i think the main thing is idempotency keys',
      'can i just say that the cache sits in front of the database and we invalidate on write and the ttl is short so stale data is bounded and we use a write through pattern for the hot keys',
    ],
  };

  for (const [kind, utterances] of Object.entries(cases)) {
    it.each(utterances)(`"%s" -> ${kind}`, (u) => {
      expect(classifyUtterance(u)).toBe(kind);
    });
  }

  it('is deterministic', () => {
    expect(classifyUtterance('can we skip this one')).toBe(classifyUtterance('can we skip this one'));
  });
});
