/**
 * Where to take up a prompt the candidate's "mm-hmm" stopped: at the start of the sentence it was in, as a person who
 * was interrupted by a listening noise goes back to the start of what they were saying. The position in the audio is
 * mapped to the spoken text by its share of the characters (a synthetic voice keeps an even pace).
 */
export interface PromptResume {
  /** Where the sentence starts in the prompt's audio, ms. */
  fromMs: number;
  /** Where it starts in the spoken text (the lead, a space, then the prompt's text). */
  fromChar: number;
}

/** Sentence starts in a text: 0, and after each ". ", "? " or "! ". */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = /[.!?]["')\]]?\s+(?=\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

export function resumePoint(spoken: string, durationMs: number, stoppedAtMs: number): PromptResume {
  if (!spoken || durationMs <= 0) return { fromMs: 0, fromChar: 0 };
  const at = Math.max(0, Math.min(1, stoppedAtMs / durationMs)) * spoken.length;
  const starts = sentenceStarts(spoken);
  let fromChar = 0;
  for (const start of starts) if (start <= at) fromChar = start;
  return { fromMs: Math.round((fromChar / spoken.length) * durationMs), fromChar };
}
