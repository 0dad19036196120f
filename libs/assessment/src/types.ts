import type { Level, Question } from '@mockroom/contracts';

/** A piece of the answer as the speech recogniser timed it (offsets in ms from any fixed origin). */
export interface TimedSegment {
  text: string;
  startMs: number;
  endMs: number;
}

export interface AssessmentInput {
  question: Question;
  /** The whole answer as text (may be ASR output: lowercase, no punctuation, some wrong words). */
  transcript: string;
  /** When present, speech analytics use them. */
  segments?: TimedSegment[];
  /** The interview's level (defaults to the question's first level). */
  level?: Level;
  /** Follow-up texts already asked for this question (never repeated). */
  followUpsAsked?: string[];
}

export {
  STAR_PARTS,
  type Assessment,
  type AssessmentEngineInfo as EngineInfo,
  type EngineKind,
  type EvidenceSpan,
  type FollowUp,
  type RubricPointJudgement,
  type Scores,
  type SpeechAnalytics,
  type StarAnalysis,
  type StarPart,
} from '@mockroom/contracts';
import type { Assessment, EngineKind } from '@mockroom/contracts';

export interface AssessOptions {
  signal?: AbortSignal;
}

export interface AssessmentEngine {
  readonly name: string;
  readonly kind: EngineKind;
  assess(input: AssessmentInput, options?: AssessOptions): Promise<Assessment>;
}
