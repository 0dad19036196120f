import type { Review, ReviewAnswer, ReviewLine, ReviewQuestion, ReviewRubricPoint } from '@mockroom/contracts';
import PDFDocument from 'pdfkit';
import {
  answerHeading,
  answerTiming,
  bandNote,
  candidateName,
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
  roleAndLevel,
  scoreRows,
  speakerLabel,
  speechFacts,
  transcriptParts,
  type ExportOptions,
  type Fact,
} from './review-format';
import { toWinAnsi } from './win-ansi';

type Doc = PDFKit.PDFDocument;

const A4_WIDTH = 595.28;
const MARGINS = { top: 56, bottom: 64, left: 56, right: 56 };
/** A question that does not fit in what is left of a page starts there anyway when its head and this much more fit… */
const MIN_ROOM_AFTER_HEAD = 90;
/** …and at least this share of the page is left. */
const MIN_ROOM_SHARE = 0.2;

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const SIZE = { title: 20, h2: 14, h3: 11.5, h4: 10, body: 10, small: 8.5, footer: 8 } as const;
const COLOR = {
  text: '#1f2933',
  muted: '#616e7c',
  accent: '#2f5da8',
  rule: '#d9dee3',
  track: '#e4e7eb',
  good: '#2f9e44',
  fair: '#f08c00',
  poor: '#e03131',
} as const;

const BAR = { labelWidth: 80, width: 200, height: 8, valueWidth: 70, rowHeight: 16 } as const;
const FACT_LABEL_WIDTH = 110;
const BULLET_INDENT = 14;
/** Room kept below a heading so that it never ends a page alone. */
const KEEP_WITH_HEADING = 60;
const QUOTE_INDENT = 12;

// ---------------------------------------------------------------------------------------------
// Page geometry and primitives. All user text goes through `toWinAnsi` before it reaches PDFKit.

function left(doc: Doc): number {
  return doc.page.margins.left;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  indent?: number;
  gapAfter?: number;
}

function style(doc: Doc, { font = FONT.regular, size = SIZE.body, color = COLOR.text }: TextStyle): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

/** A block of (possibly multi-line) text across the content width, less `indent`. */
function paragraph(doc: Doc, text: string, textStyle: TextStyle = {}): void {
  const indent = textStyle.indent ?? 0;
  style(doc, textStyle).text(toWinAnsi(text), left(doc) + indent, doc.y, {
    width: contentWidth(doc) - indent,
    paragraphGap: 4,
  });
  doc.x = left(doc);
  doc.moveDown(textStyle.gapAfter ?? 0.35);
}

function note(doc: Doc, text: string, indent = 0): void {
  paragraph(doc, text, { font: FONT.italic, color: COLOR.muted, indent });
}

/** "Label: value" on one flowing line, the label in bold. */
function labelled(doc: Doc, label: string, value: string, textStyle: TextStyle = {}): void {
  const indent = textStyle.indent ?? 0;
  style(doc, { ...textStyle, font: FONT.bold }).text(`${toWinAnsi(label)}: `, left(doc) + indent, doc.y, {
    width: contentWidth(doc) - indent,
    continued: true,
  });
  doc.font(FONT.regular).text(toWinAnsi(value) || ' ');
  doc.x = left(doc);
  doc.moveDown(textStyle.gapAfter ?? 0.35);
}

function heading(doc: Doc, text: string, level: 1 | 2 | 3 | 4, bookmark = false): void {
  const size = { 1: SIZE.title, 2: SIZE.h2, 3: SIZE.h3, 4: SIZE.h4 }[level];
  if (doc.y > doc.page.margins.top) doc.moveDown(level <= 2 ? 0.8 : 0.5);
  ensureSpace(doc, size * 1.4 + KEEP_WITH_HEADING);
  if (bookmark) doc.outline.addItem(toWinAnsi(text));
  style(doc, { font: FONT.bold, size, color: level === 2 ? COLOR.accent : COLOR.text }).text(
    toWinAnsi(text),
    left(doc),
    doc.y,
    {
      width: contentWidth(doc),
    },
  );
  if (level === 2) {
    const y = doc.y + 2;
    doc
      .moveTo(left(doc), y)
      .lineTo(left(doc) + contentWidth(doc), y)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.y = y + 6;
  } else {
    doc.moveDown(0.25);
  }
  doc.x = left(doc);
}

/** A list item: the marker in the gutter, the text wrapped beside it. */
function bullet(doc: Doc, text: string, marker = '•', textStyle: TextStyle = {}): void {
  const indent = textStyle.indent ?? 0;
  style(doc, textStyle);
  ensureSpace(doc, doc.currentLineHeight(true));
  const y = doc.y;
  doc.text(marker, left(doc) + indent, y, { width: BULLET_INDENT, lineBreak: false });
  doc.text(toWinAnsi(text), left(doc) + indent + BULLET_INDENT, y, {
    width: contentWidth(doc) - indent - BULLET_INDENT,
  });
  doc.x = left(doc);
  doc.moveDown(textStyle.gapAfter ?? 0.2);
}

function bullets(doc: Doc, items: string[], empty: string): void {
  if (items.length === 0) return note(doc, empty);
  for (const item of items) bullet(doc, item);
}

/** Labels and values in two columns. */
function facts(doc: Doc, list: Fact[], indent = 0): void {
  const valueX = left(doc) + indent + FACT_LABEL_WIDTH;
  const valueWidth = contentWidth(doc) - indent - FACT_LABEL_WIDTH;
  for (const fact of list) {
    style(doc, {});
    const value = toWinAnsi(fact.value);
    ensureSpace(doc, doc.heightOfString(value, { width: valueWidth }));
    const y = doc.y;
    style(doc, { font: FONT.bold, color: COLOR.muted }).text(toWinAnsi(fact.label), left(doc) + indent, y, {
      width: FACT_LABEL_WIDTH - 8,
    });
    const labelBottom = doc.y;
    style(doc, {}).text(value, valueX, y, { width: valueWidth });
    doc.y = Math.max(doc.y, labelBottom) + 2;
  }
  doc.x = left(doc);
}

/** Quoted user text: italic, indented, with a bar on its left when it fits on the page. */
function quote(doc: Doc, text: string, indent = 0): void {
  const x = left(doc) + indent;
  const width = contentWidth(doc) - indent - QUOTE_INDENT;
  const body = toWinAnsi(text);
  style(doc, { font: FONT.italic });
  const height = doc.heightOfString(body, { width });
  ensureSpace(doc, Math.min(height, doc.currentLineHeight(true) * 3));
  const top = doc.y;
  const fits = top + height <= bottom(doc);
  doc.text(body, x + QUOTE_INDENT, top, { width });
  if (fits) doc.rect(x, top, 2.5, doc.y - top).fill(COLOR.rule);
  doc.x = left(doc);
  doc.moveDown(0.35);
}

function scoreColor(score: number): string {
  if (score >= 7) return COLOR.good;
  if (score >= 4) return COLOR.fair;
  return COLOR.poor;
}

/** One row of a score table: the label, a bar filled to the score out of 10, the score, and why. */
function scoreBar(doc: Doc, label: string, score: number | null, reason: string | null = null, strong = false): void {
  const barX = left(doc) + BAR.labelWidth;
  const reasonText = reason?.trim() ? toWinAnsi(reason) : null;
  const reasonWidth = contentWidth(doc) - BAR.labelWidth;
  const reasonHeight = reasonText
    ? style(doc, { size: SIZE.small }).heightOfString(reasonText, { width: reasonWidth })
    : 0;
  ensureSpace(doc, BAR.rowHeight + reasonHeight);

  const y = doc.y;
  style(doc, { font: strong ? FONT.bold : FONT.regular }).text(label, left(doc), y, {
    width: BAR.labelWidth - 6,
    lineBreak: false,
  });
  doc.rect(barX, y + 1, BAR.width, BAR.height).fill(COLOR.track);
  if (score !== null) {
    const filled = (BAR.width * Math.min(10, Math.max(0, score))) / 10;
    if (filled > 0) doc.rect(barX, y + 1, filled, BAR.height).fill(scoreColor(score));
  }
  style(doc, { font: strong ? FONT.bold : FONT.regular }).text(formatScore(score), barX + BAR.width + 8, y, {
    width: BAR.valueWidth + 20,
    lineBreak: false,
  });
  doc.y = y + BAR.rowHeight - (reasonText ? 4 : 0);
  if (reasonText) {
    style(doc, { size: SIZE.small, color: COLOR.muted }).text(reasonText, barX, doc.y, { width: reasonWidth });
    doc.moveDown(0.4);
  }
  doc.x = left(doc);
}

/** A tick box (filled and ticked when covered) with the point's text beside it. */
function checkbox(doc: Doc, checked: boolean, text: string, indent = 0): void {
  const size = 8;
  style(doc, {});
  ensureSpace(doc, doc.currentLineHeight(true));
  const x = left(doc) + indent;
  const y = doc.y;
  if (checked) {
    doc.rect(x, y + 1, size, size).fill(COLOR.good);
    doc
      .moveTo(x + 1.8, y + 5.2)
      .lineTo(x + 3.6, y + 7)
      .lineTo(x + 6.6, y + 2.8)
      .lineWidth(1.2)
      .strokeColor('#ffffff')
      .stroke();
  } else {
    doc
      .rect(x + 0.5, y + 1.5, size - 1, size - 1)
      .lineWidth(0.75)
      .strokeColor(COLOR.muted)
      .stroke();
  }
  style(doc, {}).text(toWinAnsi(text), x + BULLET_INDENT, y, { width: contentWidth(doc) - indent - BULLET_INDENT });
  doc.x = left(doc);
  doc.moveDown(0.2);
}

/** The height `draw` takes, found by drawing it on a throwaway page too tall to need a break. */
function measure(draw: (doc: Doc) => void): number {
  const scratch = new PDFDocument({ size: [A4_WIDTH, 20_000], margins: MARGINS, font: FONT.regular });
  let pageBreaks = 0;
  scratch.on('pageAdded', () => pageBreaks++);
  const top = scratch.y;
  draw(scratch);
  return pageBreaks > 0 ? Number.POSITIVE_INFINITY : scratch.y - top;
}

/**
 * Where a section starts: here when it fits, or when its head (heading, question, the first lines after them) fits and
 * the page still has a good share of room; a new page otherwise. Keeping a whole question together by moving it to the
 * next page left page 1 a third empty under the summary.
 */
function startSection(doc: Doc, height: number, headHeight: number): void {
  const room = bottom(doc) - doc.y;
  const pageHeight = bottom(doc) - doc.page.margins.top;
  if (height <= room || room >= pageHeight - 1) return;
  if (room >= headHeight + MIN_ROOM_AFTER_HEAD && room >= pageHeight * MIN_ROOM_SHARE) return;
  doc.addPage();
}

// ---------------------------------------------------------------------------------------------
// Sections of the review, in the order they appear.

function renderHeader(doc: Doc, review: Review): void {
  style(doc, { size: SIZE.small, color: COLOR.muted }).text('MOCKROOM · INTERVIEW REVIEW', left(doc), doc.y, {
    characterSpacing: 0.8,
  });
  doc.moveDown(0.3);
  heading(doc, reviewTitle(review), 1);
  doc.moveDown(0.3);
  facts(doc, interviewFacts(review));
}

function renderScores(doc: Doc, review: Review): void {
  heading(doc, 'Scores', 2, true);
  const overall = overallScore(review);
  style(doc, { font: FONT.bold, size: 16, color: overall === null ? COLOR.muted : scoreColor(overall) }).text(
    `Overall ${formatScore(overall)}`,
    left(doc),
    doc.y,
  );
  if (overall !== null) note(doc, bandNote(overall));
  doc.moveDown(0.4);
  if (!review.scores) return note(doc, `Dimensions: ${NOT_SCORED.toLowerCase()}.`);
  note(doc, 'Mean of the questions’ scores:');
  for (const row of scoreRows(review.scores).filter((r) => r.key !== 'overall')) scoreBar(doc, row.label, row.score);
}

function renderInsights(doc: Doc, review: Review): void {
  const { strengths, workOn, practiseNext } = review.insights;
  heading(doc, 'Strengths', 2, true);
  bullets(doc, strengths, 'None noted.');
  heading(doc, 'What to work on', 2);
  bullets(doc, workOn, 'Nothing noted.');
  heading(doc, 'Questions to practise next', 2);
  if (practiseNext.length === 0) note(doc, 'No suggestions.');
  for (const suggestion of practiseNext) {
    bullet(doc, suggestion.text, '•', { font: FONT.bold, gapAfter: 0 });
    if (suggestion.reason.trim())
      paragraph(doc, suggestion.reason, { color: COLOR.muted, indent: BULLET_INDENT, gapAfter: 0.3 });
  }
}

function renderRubricPoint(doc: Doc, point: ReviewRubricPoint): void {
  checkbox(doc, point.covered, point.covered ? `${point.text} (confidence ${percent(point.confidence)})` : point.text);
  const evidence = point.covered ? point.evidence : null;
  if (evidence?.quote.trim()) {
    quote(
      doc,
      evidence.startMs === null ? evidence.quote : `${evidence.quote} (${clock(evidence.startMs)})`,
      BULLET_INDENT,
    );
  }
}

function renderAnswerScores(doc: Doc, answer: ReviewAnswer): void {
  heading(doc, 'Scores', 4);
  if (!answer.scores) return note(doc, `${NOT_SCORED}.`);
  for (const row of scoreRows(answer.scores)) {
    const reason = row.key === 'overall' ? null : (answer.reasons?.[row.key] ?? null);
    scoreBar(doc, row.label, row.score, reason, row.key === 'overall');
  }
  if (answer.engine) note(doc, `Scored by ${answer.engine}.`);
}

function renderRubric(doc: Doc, answer: ReviewAnswer): void {
  const covered = answer.rubric.filter((p) => p.covered);
  const missed = answer.rubric.filter((p) => !p.covered);
  heading(doc, `Rubric points (${covered.length} of ${answer.rubric.length} covered)`, 4);
  if (answer.rubric.length === 0) note(doc, 'No rubric points were judged.');
  for (const point of [...covered, ...missed]) renderRubricPoint(doc, point);
  if (answer.keyTermsUsed.length > 0) labelled(doc, 'Key terms used', answer.keyTermsUsed.join(', '));
}

function renderMistakes(doc: Doc, answer: ReviewAnswer): void {
  heading(doc, 'Mistakes', 4);
  if (answer.mistakes.length === 0) note(doc, 'None found.');
  for (const mistake of answer.mistakes) {
    bullet(doc, mistake.text);
    if (mistake.quote?.trim()) quote(doc, mistake.quote, BULLET_INDENT);
  }
}

function renderAnswer(doc: Doc, question: ReviewQuestion, answer: ReviewAnswer): void {
  heading(doc, answerHeading(question, answer), 3);
  const prompt = promptOf(question, answer);
  if (answer.kind === 'follow-up' && prompt) labelled(doc, 'Follow-up', prompt.text);
  paragraph(doc, answerTiming(answer), { size: SIZE.small, color: COLOR.muted });

  heading(doc, 'Transcript', 4);
  if (answer.transcript.trim()) quote(doc, answer.transcript);
  else note(doc, 'No words were recognised.');

  renderAnswerScores(doc, answer);
  if (answer.scores || answer.rubric.length > 0) renderRubric(doc, answer);
  if (answer.scores || answer.mistakes.length > 0) renderMistakes(doc, answer);

  heading(doc, 'Speech', 4);
  if (answer.analytics) facts(doc, speechFacts(answer.analytics));
  else note(doc, 'No speech analytics.');

  heading(doc, 'Feedback', 4);
  if (answer.feedback?.trim()) paragraph(doc, answer.feedback);
  else note(doc, 'No feedback.');
}

function renderFromBank(doc: Doc, question: ReviewQuestion): void {
  if (question.sampleAnswer?.trim()) {
    heading(doc, 'Sample answer', 3);
    paragraph(doc, question.sampleAnswer);
  }
  if (question.commonMistakes.length > 0) {
    heading(doc, 'Common mistakes', 3);
    bullets(doc, question.commonMistakes, '');
  }
}

/** The start of a question's section: its heading and text, its score, the follow-ups asked. */
function renderQuestionHead(doc: Doc, review: Review, question: ReviewQuestion): void {
  heading(doc, questionHeading(review, question), 2);
  paragraph(doc, question.text, { font: FONT.bold, size: SIZE.h3 });
}

function renderQuestion(doc: Doc, review: Review, question: ReviewQuestion): void {
  heading(doc, questionHeading(review, question), 2, true);
  paragraph(doc, question.text, { font: FONT.bold, size: SIZE.h3 });
  if (!question.asked) {
    note(doc, `${NOT_REACHED}.`);
    return renderFromBank(doc, question);
  }
  labelled(doc, 'Question score', formatScore(question.scores?.overall));

  heading(doc, 'Follow-ups asked', 3);
  const followUps = followUpsAsked(question);
  if (followUps.length === 0) note(doc, 'None.');
  followUps.forEach((prompt, i) => bullet(doc, `${prompt.text} (at ${clock(prompt.atMs)})`, `${i + 1}.`));

  renderInterviewer(doc, review, question.index);
  if (question.answers.length === 0) note(doc, 'No answer was recorded.');
  for (const answer of question.answers) renderAnswer(doc, question, answer);
  renderFromBank(doc, question);
}

/** A human interviewer's scores and notes for one question (or, with null, about the whole session). */
function renderInterviewer(doc: Doc, review: Review, questionIndex: number | null): void {
  const view = review.interviewer;
  if (!view) return;
  const scored = questionIndex === null ? undefined : view.scores.find((s) => s.questionIndex === questionIndex);
  const notes = view.notes.filter((n) => n.questionIndex === questionIndex);
  if (!scored && notes.length === 0) return;
  heading(doc, `${view.name}'s ${questionIndex === null ? 'notes' : 'assessment'}`, questionIndex === null ? 2 : 3);
  if (scored) {
    scoreBar(doc, 'Relevance', scored.scores.relevance);
    scoreBar(doc, 'Depth', scored.scores.depth);
    scoreBar(doc, 'Clarity', scored.scores.clarity);
    scoreBar(doc, 'Correctness', scored.scores.correctness);
    scoreBar(doc, 'Overall', scored.overall, null, true);
  }
  for (const n of notes)
    bullet(doc, `${n.visibility === 'private' ? '(private) ' : ''}${n.text} (at ${clock(n.atMs)})`);
}

/** A question's section, on a new page when it would not fit on this one. */
function renderQuestionSection(doc: Doc, review: Review, question: ReviewQuestion): void {
  startSection(
    doc,
    measure((scratch) => renderQuestion(scratch, review, question)),
    measure((scratch) => renderQuestionHead(scratch, review, question)),
  );
  renderQuestion(doc, review, question);
}

function renderTranscriptLine(doc: Doc, review: Review, line: ReviewLine): void {
  style(doc, { size: 9.5 });
  ensureSpace(doc, doc.currentLineHeight(true) * 1.5);
  const speaker = toWinAnsi(speakerLabel(review, line.speaker));
  style(doc, { font: FONT.bold, size: 9.5, color: COLOR.muted }).text(`${clock(line.startMs)}  `, left(doc), doc.y, {
    width: contentWidth(doc),
    continued: true,
  });
  doc.fillColor(line.speaker === 'interviewer' ? COLOR.accent : COLOR.text).text(`${speaker}: `, { continued: true });
  doc
    .font(FONT.regular)
    .fillColor(COLOR.text)
    .text(toWinAnsi(line.text).trim() || '…');
  doc.x = left(doc);
  doc.moveDown(0.3);
}

function renderTranscript(doc: Doc, review: Review): void {
  doc.addPage();
  heading(doc, 'Transcript', 2, true);
  const parts = transcriptParts(review);
  if (parts.length === 0) note(doc, 'Nothing was said.');
  for (const part of parts) {
    heading(doc, part.title, 4);
    for (const line of part.lines) renderTranscriptLine(doc, review, line);
  }
}

function renderColophon(doc: Doc, generatedAt: Date): void {
  doc.moveDown(1);
  note(doc, generatedLine(generatedAt));
}

/** `text`, shortened with an ellipsis to fit `width` in the current font. */
function truncateToWidth(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** "Title · Candidate" on the left and "Page n of m" on the right of every page. */
function renderFooters(doc: Doc, review: Review): void {
  const { start, count } = doc.bufferedPageRange();
  const label = toWinAnsi(`${reviewTitle(review)} · ${candidateName(review)}`);
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const margins = doc.page.margins;
    const savedBottom = margins.bottom;
    margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const y = doc.page.height - savedBottom + 24;
    const width = contentWidth(doc);
    doc
      .moveTo(left(doc), y - 8)
      .lineTo(left(doc) + width, y - 8)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    style(doc, { size: SIZE.footer, color: COLOR.muted });
    doc.text(truncateToWidth(doc, label, width * 0.7), left(doc), y, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${count}`, left(doc), y, { width, align: 'right', lineBreak: false });
    margins.bottom = savedBottom;
  }
}

function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * A review as an A4 PDF (built-in Helvetica, so no font files): the session's facts, scores as bars
 * and insights, then a section per question (each on a new page when it would not fit), then the
 * whole transcript; "Page n of m" in every footer.
 */
export async function reviewToPdf(review: Review, options: ExportOptions = {}): Promise<Buffer> {
  const generatedAt = options.generatedAt ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    font: FONT.regular,
    bufferPages: true,
    displayTitle: true,
    lang: 'en',
    info: {
      Title: reviewTitle(review),
      Author: candidateName(review),
      Subject: `Mock interview review (${roleAndLevel(review)})`,
      Keywords: 'mock interview, review, Mockroom',
      Creator: 'Mockroom',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const pdf = toBuffer(doc);

  renderHeader(doc, review);
  renderScores(doc, review);
  renderInsights(doc, review);
  renderInterviewer(doc, review, null);
  for (const question of review.questions) renderQuestionSection(doc, review, question);
  renderTranscript(doc, review);
  renderColophon(doc, generatedAt);
  renderFooters(doc, review);

  doc.end();
  return pdf;
}
