/** Locating the repository and reading the seed documents (for the CLI and the drift test). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Seed } from './parsed-question';

export const SEEDS_DIR = 'libs/question-bank/seeds';
export const BANK_PATH = 'libs/question-bank/src/data/bank.json';

/**
 * The repository root: the nearest folder above `from` holding nx.json. (The compiled CLI runs from
 * dist/server/libs/question-bank/src/parser/, so counting "../" from __dirname would be fragile.)
 */
export function findRepoRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No nx.json in ${from} or above it`);
    dir = parent;
  }
}

/** Every `*.txt` seed, sorted by file name. */
export function readSeeds(root: string): Seed[] {
  const dir = join(root, SEEDS_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((document) => ({ document, text: readFileSync(join(dir, document), 'utf8') }));
}
