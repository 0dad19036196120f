import type { Prompt, TranscriptSegment } from '@mockroom/contracts';

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

/** A line of the transcript as shown: the segments, plus any prompt the server has not sent a segment for. */
export interface TranscriptLine {
  seq: number;
  speaker: TranscriptSegment['speaker'];
  text: string;
  startMs: number;
  prompt: Prompt | null;
}

export function transcriptLines(segments: readonly TranscriptSegment[], prompts: readonly Prompt[]): TranscriptLine[] {
  const bySeq = new Map<number, TranscriptLine>();
  for (const prompt of prompts) {
    bySeq.set(prompt.seq, { seq: prompt.seq, speaker: 'interviewer', text: prompt.text, startMs: prompt.atMs, prompt });
  }
  for (const segment of segments) {
    const prompt = bySeq.get(segment.seq)?.prompt ?? null;
    bySeq.set(segment.seq, { seq: segment.seq, speaker: segment.speaker, text: segment.text, startMs: segment.startMs, prompt });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
