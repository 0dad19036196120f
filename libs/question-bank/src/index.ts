/**
 * @mockroom/question-bank: the reviewed interview questions and tracks, with search and matching.
 * The parser that builds the bank is not exported here; tools import it from `./parser`.
 */
export {
  QuestionBank,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MATCH_THRESHOLD,
  normalizePaging,
  suitsTrack,
  toSummary,
} from './question-bank';
export { TRACKS } from './data/tracks';
export type { BankFile, BankSeed } from './types';
export * from './coding';
