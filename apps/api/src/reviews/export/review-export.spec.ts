import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerScores, Prompt, Review, ReviewAnswer, ReviewLine } from '@mockroom/contracts';
import { exportFilename, slugify } from './export-filename';
import { escapeMarkdown, reviewToMarkdown } from './review-markdown';
import { reviewToPdf } from './review-pdf';
import { toWinAnsi } from './win-ansi';

const GENERATED_AT = new Date('2026-11-23T09:30:00.000Z');

const Q1_TEXT = 'How would you design a rate limiter for a public API? Explain the trade-offs | e.g. *burst* limits.';
const Q2_TEXT = 'When would you pick PostgreSQL advisory locks over SELECT … FOR UPDATE?';
const FOLLOW_UP_TEXT = 'What happens when Redis is unavailable?';
const A1_TRANSCRIPT =
  "I'd use a token bucket per API key stored in Redis <script>alert(1)</script> with a Lua script so the check and decrement are atomic 🚀";
const A2_TRANSCRIPT = 'Fail open for reads and fail closed for writes, with a local in-memory fallback bucket.';

function prompt(seq: number, kind: Prompt['kind'], questionIndex: number, text: string, atMs: number): Prompt {
  return {
    seq,
    kind,
    questionId: questionIndex === 0 ? 'rate-limiter' : null,
    questionIndex,
    text,
    atMs,
    audioUrl: null,
    audioDurationMs: null,
  };
}

function line(
  seq: number,
  speaker: ReviewLine['speaker'],
  text: string,
  startMs: number,
  questionIndex: number | null,
  answerId: string | null = null,
): ReviewLine {
  return { seq, speaker, text, startMs, endMs: startMs + 4_000, questionIndex, answerId, words: null, highlights: [] };
}

const A1_SCORES: AnswerScores = { relevance: 8, depth: 6.5, clarity: 7, correctness: 5.5, overall: 6.8 };

function firstAnswer(): ReviewAnswer {
  return {
    answerId: 'a1',
    kind: 'answer',
    promptSeq: 2,
    startMs: 25_000,
    endMs: 205_000,
    transcript: A1_TRANSCRIPT,
    wordCount: 27,
    scores: A1_SCORES,
    reasons: {
      relevance: 'Addresses rate limiting directly | on point.',
      depth: 'Names the algorithm but not the storage *costs*.',
      clarity: 'Well ordered.',
      correctness: 'INCR then EXPIRE is not atomic without a script.',
    },
    rubric: [
      {
        pointId: 'rate-limiter#1',
        text: 'Token bucket or sliding window algorithm',
        covered: true,
        confidence: 0.9,
        evidence: { quote: 'token bucket per API key', spans: [{ seq: 3, start: 10, end: 34 }], startMs: 26_000 },
      },
      {
        pointId: 'rate-limiter#2',
        text: 'Return 429 with a Retry-After header',
        covered: false,
        confidence: 0.1,
        evidence: null,
      },
    ],
    mistakes: [{ text: 'Claimed INCR and EXPIRE need no transaction', quote: 'INCR then EXPIRE is fine' }],
    keyTermsUsed: ['token bucket', 'Lua'],
    analytics: {
      wordsPerMinute: 142.4,
      talkTimeMs: 170_000,
      fillerCount: 4,
      fillers: [
        { word: 'um', count: 3 },
        { word: 'like', count: 1 },
      ],
      longPauses: [{ startMs: 95_000, durationMs: 3_200 }],
      hedges: [{ phrase: 'I think', count: 2 }],
    },
    feedback: 'Good choice of algorithm.\nMention the 429 response and the `Retry-After` header.',
    engine: 'heuristic',
  };
}

function followUpAnswer(): ReviewAnswer {
  return {
    answerId: 'a2',
    kind: 'follow-up',
    promptSeq: 5,
    startMs: 215_000,
    endMs: 240_000,
    transcript: A2_TRANSCRIPT,
    wordCount: 16,
    scores: null,
    reasons: null,
    rubric: [],
    mistakes: [],
    keyTermsUsed: [],
    analytics: null,
    feedback: null,
    engine: null,
  };
}

function buildReview(): Review {
  return {
    interview: {
      id: 'iv-1',
      status: 'completed',
      title: 'Backend · Senior',
      trackId: 'backend-senior',
      role: 'backend',
      level: 'senior',
      interviewer: { kind: 'ai', name: 'AI interviewer', id: null },
      candidate: { id: 'u-1', name: 'Zoë O’Brien' },
      questionCount: 2,
      createdAt: '2026-11-22T13:58:00.000Z',
      startedAt: '2026-11-22T14:05:00.000Z',
      endedAt: '2026-11-22T14:10:12.000Z',
      durationMs: 312_000,
      overallScore: 6.8,
    },
    plan: {
      role: 'backend',
      level: 'senior',
      trackId: 'backend-senior',
      title: 'Backend · Senior',
      questionIds: ['rate-limiter', 'pg-advisory-locks'],
      maxFollowUps: 1,
      answerSilenceMs: 5_000,
      voice: 'server',
    },
    engines: { stt: 'pocketsphinx', tts: 'piper', assessment: 'heuristic' },
    access: 'owner',
    transcript: [
      line(7, 'interviewer', 'That’s all the time we have. Thank you!', 300_000, null),
      line(1, 'interviewer', 'Hi Zoë, welcome to your mock interview.', 0, null),
      line(2, 'interviewer', Q1_TEXT, 20_000, 0),
      line(
        3,
        'candidate',
        "I'd use a token bucket per API key stored in Redis <script>alert(1)</script>",
        25_000,
        0,
        'a1',
      ),
      line(4, 'candidate', 'with a Lua script so the check and decrement are atomic 🚀', 60_000, 0, 'a1'),
      line(5, 'interviewer', FOLLOW_UP_TEXT, 210_000, 0),
      line(6, 'candidate', A2_TRANSCRIPT, 215_000, 0, 'a2'),
    ],
    questions: [
      {
        index: 0,
        questionId: 'rate-limiter',
        text: Q1_TEXT,
        category: 'system-design',
        prompts: [prompt(2, 'question', 0, Q1_TEXT, 20_000), prompt(5, 'follow-up', 0, FOLLOW_UP_TEXT, 210_000)],
        answers: [firstAnswer(), followUpAnswer()],
        scores: A1_SCORES,
        commonMistakes: ['Ignoring clock skew between nodes'],
        sampleAnswer: 'Use a token bucket in Redis → atomic via Lua.\nReturn 429 with Retry-After.',
        asked: true,
      },
      {
        index: 1,
        questionId: 'pg-advisory-locks',
        text: Q2_TEXT,
        category: 'databases',
        prompts: [],
        answers: [],
        scores: null,
        commonMistakes: [],
        sampleAnswer: 'Advisory locks guard work that is not a row.',
        asked: false,
      },
    ],
    scores: A1_SCORES,
    insights: {
      strengths: ['Picked a sound algorithm and explained why it must be atomic'],
      workOn: ['State the HTTP contract: 429 and Retry-After', 'Fewer fillers ("um" ×3)'],
      practiseNext: [{ questionId: 'pg-advisory-locks', text: Q2_TEXT, reason: 'Not reached in this session.' }],
    },
    audio: {
      url: '/api/interviews/iv-1/audio',
      durationMs: 312_000,
      peaks: { candidate: [], interviewer: [] },
      bucketMs: 100,
    },
    shares: [],
    interviewer: null,
    corrections: [],
  };
}

/** A session that never started: nothing asked, said, scored or recorded. */
function emptyReview(): Review {
  const review = buildReview();
  return {
    ...review,
    interview: {
      ...review.interview,
      status: 'created',
      startedAt: null,
      endedAt: null,
      durationMs: null,
      overallScore: null,
      candidate: { id: 'u-2', name: '' },
    },
    transcript: [],
    questions: review.questions.map((q) => ({
      ...q,
      prompts: [],
      answers: [],
      scores: null,
      asked: false,
      sampleAnswer: null,
    })),
    scores: null,
    insights: { strengths: [], workOn: [], practiseNext: [] },
    audio: null,
  };
}

describe('exportFilename', () => {
  it('names the file after the session date and title', () => {
    const review = buildReview();
    expect(exportFilename(review, 'md')).toBe('mockroom-review-2026-11-22-backend-senior.md');
    expect(exportFilename(review, 'pdf')).toBe('mockroom-review-2026-11-22-backend-senior.pdf');
  });

  it('uses ASCII only and the creation date when the session never started', () => {
    const review = emptyReview();
    review.interview.title = 'Système — Design ✨ / Q&A: <Zoë>';
    expect(exportFilename(review, 'md')).toBe('mockroom-review-2026-11-22-systeme-design-q-a-zoe.md');
    review.interview.title = '面接 🚀';
    expect(exportFilename(review, 'pdf')).toBe('mockroom-review-2026-11-22.pdf');
  });

  it('shortens long titles at a word boundary', () => {
    const slug = slugify('distributed systems '.repeat(10));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('escapeMarkdown', () => {
  it('escapes characters that Markdown would interpret', () => {
    expect(escapeMarkdown('a *b* _c_ | <script>alert(1)</script> [x](y) `z` ~s~ $m$ &amp;')).toBe(
      'a \\*b\\* \\_c\\_ \\| \\<script\\>alert(1)\\</script\\> \\[x\\](y) \\`z\\` \\~s\\~ \\$m\\$ \\&amp;',
    );
  });

  it('keeps text on one line and neutralises block syntax at its start', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('  two\nlines\r\n\tand tabs  ')).toBe('two lines and tabs');
  });
});

describe('reviewToMarkdown', () => {
  const markdown = reviewToMarkdown(buildReview(), { generatedAt: GENERATED_AT });
  const lines = markdown.split('\n');

  it('puts the sections in order', () => {
    const order = [
      '# Backend · Senior',
      '## Scores',
      '## Strengths',
      '## What to work on',
      '## Questions to practise next',
      '## Question 1 of 2 · System design',
      '### Follow-ups asked',
      '### Answer',
      '### Answer to follow-up 1',
      '### Sample answer',
      '## Question 2 of 2 · Databases',
      '## Transcript',
      '### Introduction',
      '### Question 1',
      '### Closing',
    ].map((heading) => lines.indexOf(heading));
    expect(order).not.toContain(-1);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines[0]).toBe('# Backend · Senior');
  });

  it('lists the session facts', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '- **Candidate:** Zoë O’Brien',
        '- **Date:** 2026-11-22 14:05 UTC',
        '- **Role and level:** Backend, Senior',
        '- **Interviewer:** AI interviewer',
        '- **Duration:** 5 min 12 s',
        '- **Status:** Completed',
        '- **Questions reached:** 1 of 2',
      ]),
    );
  });

  it('shows the overall score and the mean of each dimension as a table', () => {
    expect(markdown).toContain('**Overall score:** 6.8 / 10');
    expect(markdown).toContain(
      '| Dimension | Mean score |\n| --- | --- |\n| Relevance | 8.0 / 10 |\n| Depth | 6.5 / 10 |',
    );
    expect(lines).toContain('| Correctness | 5.5 / 10 |');
  });

  it('lists insights with the reasons to practise', () => {
    expect(lines).toContain('- Picked a sound algorithm and explained why it must be atomic');
    expect(lines).toContain(`- **${escapeMarkdown(Q2_TEXT)}** — Not reached in this session.`);
  });

  it('shows each answer with escaped transcript, scores with reasons and rubric points', () => {
    expect(lines).toContain(
      '**How would you design a rate limiter for a public API? Explain the trade-offs \\| e.g. \\*burst\\* limits.**',
    );
    expect(lines).toContain('1. What happens when Redis is unavailable? _(at 03:30)_');
    expect(lines).toContain(
      "> I'd use a token bucket per API key stored in Redis \\<script\\>alert(1)\\</script\\> with a Lua script so the check and decrement are atomic 🚀",
    );
    expect(lines).toContain('| Relevance | 8.0 / 10 | Addresses rate limiting directly \\| on point. |');
    expect(lines).toContain('| Depth | 6.5 / 10 | Names the algorithm but not the storage \\*costs\\*. |');
    expect(lines).toContain('| **Overall** | **6.8 / 10** |  |');
    expect(lines).toContain('- [x] Token bucket or sliding window algorithm _(confidence 90%)_');
    expect(lines).toContain('  > token bucket per API key — 00:26');
    expect(lines).toContain('- [ ] Return 429 with a Retry-After header');
    expect(lines).toContain('- Claimed INCR and EXPIRE need no transaction');
    expect(lines).toContain('- **Fillers:** 4 (um ×3, like ×1)');
    expect(lines).toContain('- **Long pauses:** 1 (at 01:35 for 3.2 s)');
    expect(lines).toContain('Mention the 429 response and the \\`Retry-After\\` header.');
    expect(markdown).not.toContain('<script>');
  });

  it('marks unscored answers and questions not reached', () => {
    const followUp = markdown.slice(
      markdown.indexOf('### Answer to follow-up 1'),
      markdown.indexOf('### Sample answer'),
    );
    expect(followUp).toContain('**Follow-up:** What happens when Redis is unavailable?');
    expect(followUp).toContain('_Not scored._');
    expect(followUp).toContain('_No speech analytics._');
    const second = markdown.slice(markdown.indexOf('## Question 2 of 2'), markdown.indexOf('\n## Transcript\n'));
    expect(second).toContain('_Not reached._');
    expect(second).not.toContain('### Answer');
  });

  it('ends with the whole transcript, timed and labelled', () => {
    const transcript = markdown.slice(markdown.indexOf('\n## Transcript\n'));
    expect(transcript).toContain('**00:00 Interviewer:** Hi Zoë, welcome to your mock interview.');
    expect(transcript).toContain(
      "**00:25 Zoë O’Brien:** I'd use a token bucket per API key stored in Redis \\<script\\>alert(1)\\</script\\>",
    );
    expect(transcript).toContain('**05:00 Interviewer:** That’s all the time we have. Thank you!');
    expect(transcript.trimEnd().endsWith('_Generated by Mockroom on 2026-11-23 09:30 UTC._')).toBe(true);
  });

  it('copes with a session where nothing happened', () => {
    const empty = reviewToMarkdown(emptyReview(), { generatedAt: GENERATED_AT });
    expect(empty).toContain('- **Candidate:** Candidate');
    expect(empty).toContain('- **Duration:** Unknown');
    expect(empty).toContain('- **Recording:** None');
    expect(empty).toContain('**Overall score:** Not scored');
    expect(empty).toContain('_None noted._');
    expect(empty.match(/_Not reached\._/g)).toHaveLength(2);
    expect(empty).toContain('_Nothing was said._');
  });
});

describe('toWinAnsi', () => {
  const ENCODABLE = /^[\n\x20-\x7e\xa0-\xac\xae-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/;

  it('keeps ASCII, Latin-1 and the typographic characters WinAnsi has', () => {
    const text = 'Zoë O’Brien said “naïve” — 5 € … café ™ ‘ok’ – ×';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('replaces what WinAnsi cannot encode', () => {
    expect(toWinAnsi('ship it 🚀!')).toBe('ship it ?!');
    expect(toWinAnsi('dev 👩‍💻 and 🇬🇧 and 👍🏽')).toBe('dev ? and ? and ?');
    expect(toWinAnsi('面接')).toBe('??');
    expect(toWinAnsi('a → b ≤ c ✓ done')).toBe('a -> b <= c [x] done');
    expect(toWinAnsi('Łódź and Erdős')).toBe('Lódz and Erdos');
    expect(toWinAnsi('zero\u200bwidth\u00adsoft')).toBe('zerowidthsoft');
    expect(toWinAnsi('tab\there\r\nnext\u2028line\u3000end')).toBe('tab here\nnext line end');
    expect(toWinAnsi('bell\u0007 and e\u0301')).toBe('bell and é');
  });

  it('always returns encodable text', () => {
    const nasty = '<script>*|</script> 🚀 面接 ∑∫ 𝔘𝔫𝔦 \u0000\u001b ﬁ ① ½ Ω';
    expect(toWinAnsi(nasty)).toMatch(ENCODABLE);
  });
});

describe('reviewToPdf', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mockroom-review-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function pdfTool(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, name: string): string {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    const args = tool === 'pdftotext' ? ['-layout', file, '-'] : [file];
    return execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' });
  }

  /** The PDF's text with runs of whitespace (layout, line wraps) made single spaces. */
  function pdfText(pdf: Buffer, name: string): string {
    return pdfTool('pdftotext', pdf, name).replace(/\s+/g, ' ');
  }

  it('renders the review as an A4 PDF with its text, page numbers and document info', async () => {
    const pdf = await reviewToPdf(buildReview(), { generatedAt: GENERATED_AT });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = pdfText(pdf, 'review.pdf');
    expect(text).toContain('Backend · Senior');
    expect(text).toContain('Zoë O’Brien');
    expect(text).toContain(Q1_TEXT);
    expect(text).toContain(Q2_TEXT);
    expect(text).toContain(FOLLOW_UP_TEXT);
    expect(text).toContain('Not reached');
    expect(text).toContain('Token bucket or sliding window algorithm (confidence 90%)');
    expect(text).toContain('Return 429 with a Retry-After header');
    expect(text).toContain(
      "00:25 Zoë O’Brien: I'd use a token bucket per API key stored in Redis <script>alert(1)</script>",
    );
    expect(text).toContain('atomic ?');
    expect(text).toContain('Not scored');
    expect(text).toContain('Page 1 of');

    const info = pdfTool('pdfinfo', pdf, 'review-info.pdf');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(info).toMatch(/^Title:\s+Backend · Senior$/m);
    expect(info).toMatch(/^Author:\s+Zoë O’Brien$/m);
    expect(info).toMatch(/^Subject:\s+Mock interview review \(Backend, Senior\)$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    expect(info).toMatch(/^CreationDate:.*2026/m);
  });

  /** How far down each page its text reaches, 0–1 of the space between the margins (the footer left out). */
  function pageFill(pdf: Buffer, name: string): number[] {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    const html = execFileSync('/usr/bin/pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const top = 56;
    const bottom = 841.89 - 64;
    return html
      .split('<page ')
      .slice(1)
      .map((page) => {
        const lows = [...page.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y <= bottom + 2);
        return lows.length ? (Math.max(...lows) - top) / (bottom - top) : 0;
      });
  }

  it('fills a page before it starts the next one: no page ends more than a quarter empty before a question', async () => {
    // However much the summary takes of page 1, the first question starts beneath it rather than on a new page.
    const halfEmpty: string[] = [];
    for (let items = 1; items <= 10; items++) {
      const review = buildReview();
      review.insights.workOn = Array.from(
        { length: items },
        (_, i) =>
          `Item ${i + 1}: go one level deeper on the trade-offs, with a concrete example and numbers from your own work.`,
      );
      const pdf = await reviewToPdf(review, { generatedAt: GENERATED_AT });
      const fill = pageFill(pdf, `fill-${items}.pdf`);
      // Every page but the one before the transcript (which starts on its own page) and the transcript's last.
      fill.slice(0, -2).forEach((share, page) => {
        if (share < 0.75) halfEmpty.push(`${items} items: page ${page + 1} filled to ${Math.round(share * 100)}%`);
      });
    }
    expect(halfEmpty).toEqual([]);
  });

  it('renders a session where nothing happened', async () => {
    const pdf = await reviewToPdf(emptyReview(), { generatedAt: GENERATED_AT });
    const text = pdfText(pdf, 'empty.pdf');
    expect(text).toContain('Overall Not scored');
    expect(text).toContain('Nothing was said.');
    expect(text).toContain('Page 1 of');
  });
});
