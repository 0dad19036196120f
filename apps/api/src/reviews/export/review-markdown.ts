import type {
  AnswerScores,
  Review,
  ReviewAnswer,
  ReviewQuestion,
  ReviewRubricPoint,
  ScoreDimension,
} from '@mockroom/contracts';
import {
  answerHeading,
  answerTiming,
  bandNote,
  clock,
  followUpsAsked,
  formatScore,
  generatedLine,
  interviewFacts,
  NOT_REACHED,
  NOT_SCORED,
  overallScore,
  percent,
  promptOf,
  questionHeading,
  reviewTitle,
  scoreRows,
  speakerLabel,
  speechFacts,
  transcriptParts,
  type ExportOptions,
  type Fact,
} from './review-format';

/**
 * User text made safe to put inline in Markdown: on one line, with every character that could start
 * emphasis, a link, HTML, code, a table cell, math or strikethrough backslash-escaped, and nothing at
 * the start that could make a heading, list or quote. Fit for paragraphs, headings and table cells.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .replace(/[\\`*_{}[\]<>#|~&$]/g, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Multi-line user text as paragraphs (one per line of the original). */
function paragraphs(text: string): string {
  return text.split('\n').map(escapeMarkdown).filter(Boolean).join('\n\n');
}

/** User text as a block quote, indented to sit inside a list item when `indent` is given. */
function blockquote(text: string, indent = ''): string {
  const lines = text.split('\n').map(escapeMarkdown).filter(Boolean);
  return lines.map((line) => `${indent}> ${line}`).join(`\n${indent}>\n`);
}

function emphasis(text: string): string {
  return `_${text}_`;
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${escapeMarkdown(text)}`;
}

function bullets(items: string[], empty: string): string {
  return items.length === 0 ? emphasis(empty) : items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
}

function facts(list: Fact[]): string {
  return list.map((f) => `- **${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`).join('\n');
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function headerBlocks(review: Review): string[] {
  return [heading(1, reviewTitle(review)), facts(interviewFacts(review))];
}

function scoreBlocks(review: Review): string[] {
  const overall = overallScore(review);
  const blocks = [
    heading(2, 'Scores'),
    `**Overall score:** ${formatScore(overall)}${overall === null ? '' : ` — ${bandNote(overall)}`}`,
  ];
  const scores = review.scores;
  if (scores) {
    const rows = scoreRows(scores)
      .filter((row) => row.key !== 'overall')
      .map((row) => [row.label, formatScore(row.score)]);
    blocks.push(table(['Dimension', 'Mean score'], rows));
  } else {
    blocks.push(emphasis(`Dimensions: ${NOT_SCORED.toLowerCase()}.`));
  }
  return blocks;
}

function insightBlocks(review: Review): string[] {
  const { strengths, workOn, practiseNext } = review.insights;
  const practise =
    practiseNext.length === 0
      ? emphasis('No suggestions.')
      : practiseNext
          .map((s) => `- **${escapeMarkdown(s.text)}**${s.reason.trim() ? ` — ${escapeMarkdown(s.reason)}` : ''}`)
          .join('\n');
  return [
    heading(2, 'Strengths'),
    bullets(strengths, 'None noted.'),
    heading(2, 'What to work on'),
    bullets(workOn, 'Nothing noted.'),
    heading(2, 'Questions to practise next'),
    practise,
  ];
}

function answerScoreTable(scores: AnswerScores, reasons: Record<ScoreDimension, string> | null): string {
  const rows = scoreRows(scores).map((row) => {
    const reason = row.key === 'overall' ? '' : escapeMarkdown(reasons?.[row.key] ?? '');
    return row.key === 'overall'
      ? [`**${row.label}**`, `**${formatScore(row.score)}**`, reason]
      : [row.label, formatScore(row.score), reason || '—'];
  });
  return table(['Dimension', 'Score', 'Why'], rows);
}

function rubricItem(point: ReviewRubricPoint): string {
  if (!point.covered) return `- [ ] ${escapeMarkdown(point.text)}`;
  const item = `- [x] ${escapeMarkdown(point.text)} ${emphasis(`(confidence ${percent(point.confidence)})`)}`;
  const evidence = point.evidence;
  if (!evidence || !evidence.quote.trim()) return item;
  const at = evidence.startMs === null ? '' : ` — ${clock(evidence.startMs)}`;
  return `${item}\n${blockquote(evidence.quote, '  ')}${at}`;
}

function rubricBlocks(answer: ReviewAnswer): string[] {
  const covered = answer.rubric.filter((p) => p.covered);
  const missed = answer.rubric.filter((p) => !p.covered);
  const blocks = [heading(4, `Rubric points (${covered.length} of ${answer.rubric.length} covered)`)];
  blocks.push(
    answer.rubric.length === 0
      ? emphasis('No rubric points were judged.')
      : [...covered, ...missed].map(rubricItem).join('\n'),
  );
  if (answer.keyTermsUsed.length > 0)
    blocks.push(`**Key terms used:** ${answer.keyTermsUsed.map(escapeMarkdown).join(', ')}`);
  return blocks;
}

function mistakeBlocks(answer: ReviewAnswer): string[] {
  const items = answer.mistakes.map((m) => {
    const item = `- ${escapeMarkdown(m.text)}`;
    return m.quote?.trim() ? `${item}\n${blockquote(m.quote, '  ')}` : item;
  });
  return [heading(4, 'Mistakes'), items.length === 0 ? emphasis('None found.') : items.join('\n')];
}

function answerBlocks(question: ReviewQuestion, answer: ReviewAnswer): string[] {
  const blocks = [heading(3, answerHeading(question, answer))];
  const prompt = promptOf(question, answer);
  if (answer.kind === 'follow-up' && prompt) blocks.push(`**Follow-up:** ${escapeMarkdown(prompt.text)}`);
  blocks.push(emphasis(escapeMarkdown(answerTiming(answer))));

  blocks.push(
    heading(4, 'Transcript'),
    answer.transcript.trim() ? blockquote(answer.transcript) : emphasis('No words were recognised.'),
  );

  blocks.push(heading(4, 'Scores'));
  if (answer.scores) {
    blocks.push(answerScoreTable(answer.scores, answer.reasons));
    if (answer.engine) blocks.push(emphasis(`Scored by ${escapeMarkdown(answer.engine)}.`));
  } else {
    blocks.push(emphasis(`${NOT_SCORED}.`));
  }
  if (answer.scores || answer.rubric.length > 0) blocks.push(...rubricBlocks(answer));
  if (answer.scores || answer.mistakes.length > 0) blocks.push(...mistakeBlocks(answer));

  blocks.push(
    heading(4, 'Speech'),
    answer.analytics ? facts(speechFacts(answer.analytics)) : emphasis('No speech analytics.'),
  );
  blocks.push(heading(4, 'Feedback'), answer.feedback?.trim() ? paragraphs(answer.feedback) : emphasis('No feedback.'));
  return blocks;
}

function bankBlocks(question: ReviewQuestion): string[] {
  const blocks: string[] = [];
  if (question.sampleAnswer?.trim()) blocks.push(heading(3, 'Sample answer'), paragraphs(question.sampleAnswer));
  if (question.commonMistakes.length > 0)
    blocks.push(heading(3, 'Common mistakes'), bullets(question.commonMistakes, ''));
  return blocks;
}

function questionBlocks(review: Review, question: ReviewQuestion): string[] {
  const blocks = [heading(2, questionHeading(review, question)), `**${escapeMarkdown(question.text)}**`];
  if (!question.asked) return [...blocks, emphasis(`${NOT_REACHED}.`), ...bankBlocks(question)];

  blocks.push(`**Question score:** ${formatScore(question.scores?.overall)}`);
  const followUps = followUpsAsked(question);
  blocks.push(heading(3, 'Follow-ups asked'));
  blocks.push(
    followUps.length === 0
      ? emphasis('None.')
      : followUps.map((p, i) => `${i + 1}. ${escapeMarkdown(p.text)} ${emphasis(`(at ${clock(p.atMs)})`)}`).join('\n'),
  );
  blocks.push(...interviewerBlocks(review, question.index));
  if (question.answers.length === 0) blocks.push(emphasis('No answer was recorded.'));
  for (const answer of question.answers) blocks.push(...answerBlocks(question, answer));
  return [...blocks, ...bankBlocks(question)];
}

/** A human interviewer's scores and notes for one question (or, with null, the notes about the whole session). */
function interviewerBlocks(review: Review, questionIndex: number | null): string[] {
  const view = review.interviewer;
  if (!view) return [];
  const scored = questionIndex === null ? undefined : view.scores.find((s) => s.questionIndex === questionIndex);
  const notes = view.notes.filter((n) => n.questionIndex === questionIndex);
  if (!scored && notes.length === 0) return [];
  const blocks = [
    heading(
      questionIndex === null ? 2 : 3,
      `${escapeMarkdown(view.name)}'s ${questionIndex === null ? 'notes' : 'assessment'}`,
    ),
  ];
  if (scored) {
    blocks.push(
      table(
        ['Dimension', 'Score'],
        [
          ['Relevance', formatScore(scored.scores.relevance)],
          ['Depth', formatScore(scored.scores.depth)],
          ['Clarity', formatScore(scored.scores.clarity)],
          ['Correctness', formatScore(scored.scores.correctness)],
          ['**Overall**', `**${formatScore(scored.overall)}**`],
        ],
      ),
    );
  }
  for (const note of notes)
    blocks.push(
      `${note.visibility === 'private' ? '*(private)* ' : ''}${escapeMarkdown(note.text)} ${emphasis(`(at ${clock(note.atMs)})`)}`,
    );
  return blocks;
}

function transcriptBlocks(review: Review): string[] {
  const parts = transcriptParts(review);
  if (parts.length === 0) return [heading(2, 'Transcript'), emphasis('Nothing was said.')];
  return [
    heading(2, 'Transcript'),
    ...parts.flatMap((part) => [
      heading(3, part.title),
      ...part.lines.map(
        (line) =>
          `**${clock(line.startMs)} ${escapeMarkdown(speakerLabel(review, line.speaker))}:** ${escapeMarkdown(line.text)}`,
      ),
    ]),
  ];
}

/**
 * A review as a Markdown document: the session's facts, scores and insights, then every question
 * with its answers (transcripts, scores with reasons, rubric points, mistakes, speech, feedback)
 * and sample answer, and finally the whole transcript. All user text is escaped.
 */
export function reviewToMarkdown(review: Review, options: ExportOptions = {}): string {
  const generatedAt = options.generatedAt ?? new Date();
  const blocks = [
    ...headerBlocks(review),
    ...scoreBlocks(review),
    ...insightBlocks(review),
    ...interviewerBlocks(review, null),
    ...review.questions.flatMap((question) => questionBlocks(review, question)),
    ...transcriptBlocks(review),
    '---',
    emphasis(escapeMarkdown(generatedLine(generatedAt))),
  ];
  return `${blocks.join('\n\n')}\n`;
}
