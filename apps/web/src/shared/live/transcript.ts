import type { PartialTranscript, Prompt, TranscriptSegment } from '@mockroom/contracts';

/** Inserts a segment in `seq` order; a segment already there is replaced only if it changed. */
export function upsertSegment(segments: readonly TranscriptSegment[], segment: TranscriptSegment): TranscriptSegment[] {
  let index = segments.length;
  while (index > 0 && segments[index - 1].seq > segment.seq) index--;
  const existing = index > 0 ? segments[index - 1] : undefined;
  if (existing && existing.seq === segment.seq) {
    if (sameSegment(existing, segment)) return segments as TranscriptSegment[];
    const next = segments.slice();
    next[index - 1] = segment;
    return next;
  }
  const next = segments.slice();
  next.splice(index, 0, segment);
  return next;
}

function sameSegment(a: TranscriptSegment, b: TranscriptSegment): boolean {
  return a.text === b.text && a.speaker === b.speaker && a.startMs === b.startMs && a.endMs === b.endMs;
}

/** Inserts or updates a prompt in `seq` order. */
export function upsertPrompt(prompts: readonly Prompt[], prompt: Prompt): Prompt[] {
  const next = prompts.filter((p) => p.seq !== prompt.seq);
  next.push(prompt);
  next.sort((a, b) => a.seq - b.seq);
  return next;
}

/** What the interviewer says for a prompt: its lead (a greeting, a transition), then its text. */
export function spokenText(prompt: Prompt): string {
  return prompt.lead ? `${prompt.lead} ${prompt.text}` : prompt.text;
}

/** A line of the transcript as shown: the segments, plus any prompt the server has not sent a segment for. */
export interface TranscriptLine {
  seq: number;
  speaker: TranscriptSegment['speaker'];
  text: string;
  startMs: number;
  prompt: Prompt | null;
  /** Words of a segment still being spoken (they may still change). */
  partial: boolean;
}

export function transcriptLines(segments: readonly ShownSegment[], prompts: readonly Prompt[]): TranscriptLine[] {
  const bySeq = new Map<number, TranscriptLine>();
  for (const prompt of prompts) {
    bySeq.set(prompt.seq, {
      seq: prompt.seq,
      speaker: 'interviewer',
      text: spokenText(prompt),
      startMs: prompt.atMs,
      prompt,
      partial: false,
    });
  }
  for (const segment of segments) {
    const prompt = bySeq.get(segment.seq)?.prompt ?? null;
    bySeq.set(segment.seq, {
      seq: segment.seq,
      speaker: segment.speaker,
      text: segment.text,
      startMs: segment.startMs,
      prompt,
      partial: segment.partial === true,
    });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** A segment as shown: final, or the words recognised so far of one still being spoken. */
export type ShownSegment = TranscriptSegment & { partial?: boolean };

/** Keeps the latest words of each segment being spoken; a partial for a segment already final is dropped. */
export function upsertPartial(
  partials: readonly PartialTranscript[],
  partial: PartialTranscript,
  finals: readonly TranscriptSegment[],
): PartialTranscript[] {
  if (finals.some((s) => s.seq === partial.seq)) return partials as PartialTranscript[];
  const existing = partials.find((p) => p.seq === partial.seq);
  if (existing?.text === partial.text) return partials as PartialTranscript[];
  return [...partials.filter((p) => p.seq !== partial.seq), partial].sort((a, b) => a.seq - b.seq);
}

/** Drops the partial of a segment once its final text has come. */
export function withoutPartial(partials: readonly PartialTranscript[], seq: number): PartialTranscript[] {
  return partials.some((p) => p.seq === seq)
    ? partials.filter((p) => p.seq !== seq)
    : (partials as PartialTranscript[]);
}

/** The final segments with the partial ones of segments still being spoken, in order. */
export function withPartials(
  segments: readonly TranscriptSegment[],
  partials: readonly PartialTranscript[],
): ShownSegment[] {
  if (partials.length === 0) return segments as ShownSegment[];
  const finals = new Set(segments.map((s) => s.seq));
  const shown: ShownSegment[] = [...segments];
  for (const p of partials) {
    if (finals.has(p.seq)) continue;
    shown.push({
      seq: p.seq,
      speaker: p.speaker,
      text: p.text,
      startMs: p.startMs,
      endMs: p.startMs,
      questionId: p.questionId,
      answerId: p.answerId,
      engine: null,
      partial: true,
    });
  }
  return shown.sort((a, b) => a.seq - b.seq);
}
