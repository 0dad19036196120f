import type { Question } from '@mockroom/contracts';

/** One seed document the bank was built from. */
export interface BankSeed {
  /** Seed file name, e.g. `000_a5a8750f6e535203.txt`. */
  document: string;
  /** SHA-256 of the seed text (UTF-8), hex. */
  sha256: string;
  /** The document's own title. */
  title: string;
  questionCount: number;
}

/** The shape of `src/data/bank.json`. */
export interface BankFile {
  /** `<semver bumped by hand>+<first 12 hex of the SHA-256 of the questions JSON>`. */
  version: string;
  seeds: BankSeed[];
  questions: Question[];
}
