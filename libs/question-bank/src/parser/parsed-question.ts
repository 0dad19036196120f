import type { Category, Level, ReferenceSolution, Role, SourceScore, StarExample } from '@mockroom/contracts';

/**
 * A question as a parser reads it from its document, before the hand edits
 * (which assigns the id, fills in what the source lacks and fixes what the parser gets wrong).
 */
export interface ParsedQuestion {
  document: string;
  title: string;
  position: number;
  role: Role;
  levels: Level[];
  levelLabel: string;
  /** The category the source's own label maps to, or null when the source gives none. */
  category: Category | null;
  /** The source's category label as printed ("System Design", "Coding – Algorithms"), or null. */
  categoryLabel: string | null;
  difficulty: string | null;
  /** The question sentence; empty when the source omits it (document 001). */
  text: string;
  context: string | null;
  rubric: string[];
  interviewerSignals: string[];
  whyAsked: string | null;
  sampleAnswer: string | null;
  answerFramework: string | null;
  howToAnswer: string[];
  starExample: StarExample | null;
  followUps: string[];
  commonMistakes: string[];
  keyTerms: string[];
  sourceScore: SourceScore | null;
  referenceSolution: ReferenceSolution | null;
}

export interface ParsedDocument {
  document: string;
  title: string;
  questions: ParsedQuestion[];
}

export interface Seed {
  /** Seed file name, e.g. `000_a5a8750f6e535203.txt`. */
  document: string;
  text: string;
}

export function emptyQuestion(
  base: Pick<ParsedQuestion, 'document' | 'title' | 'position' | 'role' | 'levels' | 'levelLabel'>,
): ParsedQuestion {
  return {
    ...base,
    category: null,
    categoryLabel: null,
    difficulty: null,
    text: '',
    context: null,
    rubric: [],
    interviewerSignals: [],
    whyAsked: null,
    sampleAnswer: null,
    answerFramework: null,
    howToAnswer: [],
    starExample: null,
    followUps: [],
    commonMistakes: [],
    keyTerms: [],
    sourceScore: null,
    referenceSolution: null,
  };
}
