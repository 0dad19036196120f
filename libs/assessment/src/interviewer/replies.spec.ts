import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { clarificationReply, clarificationTopic, repeatText, skipReply, transitionText } from './replies';

const bank = QuestionBank.load();
const q = (id: string) => bank.get(id) as Question;

describe('clarificationReply', () => {
  it('invites the candidate to state an assumption, naming it', () => {
    const reply = clarificationReply(q('realtime-collaborative-editor-design'), 'can i assume a single region');
    expect(reply).toMatch(
      /^Good question — it's your call: state your assumption about regions out loud and design for it; if you assume a single region, say how you'd extend it later/,
    );
  });

  it('quotes the scenario when it answers the question', () => {
    expect(
      clarificationReply(q('zero-downtime-database-schema-migration'), 'how much data are we talking about'),
    ).toMatch(/^The brief gives you that: “Constraints: 10TB data/);
    expect(clarificationReply(q('jwt-refresh-token-race-condition'), 'can i change the frontend')).toMatch(
      /without changing the frontend/,
    );
  });

  it('asks for a stated number when the scenario gives none, harder for seniors', () => {
    const mid = clarificationReply(q('realtime-comments-with-moderation'), 'how many users are we talking about');
    expect(mid).toMatch(/pick a realistic number yourself/);
    expect(
      clarificationReply(q('realtime-comments-with-moderation'), 'how many users are we talking about', 'senior'),
    ).toMatch(/ten times that/);
  });

  it('answers "do you want me to write code" by the kind of question', () => {
    expect(clarificationReply(q('distributed-rate-limiter'), 'do you want me to write code')).toMatch(
      /^No code needed/,
    );
    expect(clarificationReply(q('streaming-median-two-heaps'), 'do you want me to write code')).toMatch(
      /^Yes — sketch the code/,
    );
  });

  it('confirms a topic that belongs to a strong answer and steers away from one that does not', () => {
    expect(clarificationReply(q('distributed-rate-limiter'), 'should i worry about redis going down')).toMatch(
      /^Yes — redis going down matters here/,
    );
    expect(clarificationReply(q('distributed-rate-limiter'), 'should i consider authentication')).toMatch(
      /^It's not the focus of this question — mention authentication/,
    );
  });

  it('rephrases the question when asked what it means, and has a sensible default', () => {
    expect(clarificationReply(q('cap-theorem-distributed-systems'), 'what do you mean')).toMatch(
      /^Let me put it another way: Can you explain the CAP theorem/,
    );
    expect(clarificationReply(q('distributed-rate-limiter'), 'hmm')).toMatch(
      /^Good question\. Make a reasonable assumption/,
    );
  });

  it('extracts the topic of a clarifying question', () => {
    expect(clarificationTopic('Can I assume a single region?')).toBe('a single region');
    expect(clarificationTopic('should i consider authentication')).toBe('authentication');
    expect(clarificationTopic('how are you')).toBeNull();
  });
});

describe('repeatText, skipReply, transitionText', () => {
  it('repeats the question with its scenario', () => {
    const text = repeatText(q('legacy-rewrite-breakeven'));
    expect(text).toMatch(/^Sure, here it is again\. Defend your decision/);
    expect(text).toContain('10-year-old Rails monolith');
  });

  it('sounds natural and is deterministic', () => {
    expect(skipReply()).toBe("No problem — let's move on.");
    expect(skipReply(1)).not.toBe(skipReply(0));
    expect(transitionText({ nextIndex: 1, total: 5 })).toMatch(/thank/i);
    expect(transitionText({ nextIndex: 1, total: 5 })).toBe(transitionText({ nextIndex: 1, total: 5 }));
    expect(transitionText({ nextIndex: 4, total: 5 })).toMatch(/last question/);
    expect(transitionText({ nextIndex: 5, total: 5 })).toMatch(/wraps up/);
    expect(transitionText({ nextIndex: 2, total: 5, skipped: true })).toBe("Let's move on.");
  });
});
