/** The bank builder, for tools and tests (not part of the library's runtime API). */
export {
  BANK_SEMVER,
  PARSERS,
  buildBank,
  documentPrefix,
  parseSeeds,
  questionProblems,
  applyEdit,
  serializeBank,
  sha256,
} from './build-bank';
export type { ParsedDocument, ParsedQuestion, Seed } from './parsed-question';
export { hasMojibake, repairMojibake, windows874ReverseTable } from './repair-mojibake';
export { parse000 } from './parse-000';
export { parse001 } from './parse-001';
export { parse002 } from './parse-002';
export { parse003 } from './parse-003';
export { parse004 } from './parse-004';
export { BANK_PATH, SEEDS_DIR, findRepoRoot, readSeeds } from './seeds';
