/**
 * Rebuilds src/data/bank.json from the seed documents and the hand edits.
 *
 *   node tools/scripts/run-ts.mjs libs/question-bank/src/parser/build-bank.cli.ts          # write bank.json
 *   node tools/scripts/run-ts.mjs libs/question-bank/src/parser/build-bank.cli.ts --check  # fail if bank.json is stale
 *   node tools/scripts/run-ts.mjs libs/question-bank/src/parser/build-bank.cli.ts --raw    # print the parser output before the hand edits
 *
 * The compiled file runs from dist/server/…, so paths are resolved from the repository root
 * (the folder holding nx.json), found by walking up from this file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBank, parseSeeds, serializeBank } from './build-bank';
import { BANK_PATH, findRepoRoot, readSeeds } from './seeds';

function main(args: string[]): number {
  const root = findRepoRoot(__dirname);
  const seeds = readSeeds(root);
  if (args.includes('--raw')) {
    process.stdout.write(`${JSON.stringify(parseSeeds(seeds), null, 2)}\n`);
    return 0;
  }
  const bank = buildBank(seeds);
  const json = serializeBank(bank);
  const target = join(root, BANK_PATH);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (args.includes('--check')) {
    if (current !== json) {
      console.error(`${BANK_PATH} is out of date: run the bank build without --check`);
      return 1;
    }
    console.log(`${BANK_PATH} is up to date (${bank.version})`);
    return 0;
  }
  if (current === json) {
    console.log(`${BANK_PATH} unchanged (${bank.version}, ${bank.questions.length} questions)`);
  } else {
    writeFileSync(target, json);
    console.log(`wrote ${BANK_PATH} (${bank.version}, ${bank.questions.length} questions)`);
  }
  for (const seed of bank.seeds) console.log(`  ${seed.document}: ${seed.questionCount} questions — ${seed.title}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
