/**
 * `npm run eval:scoring [-- --engine rubric|llm|auto] [--runs 3] [--min 0.9] [--set dev|held-out|both] [--details]`: the
 * scoring evaluations (the seeds' answers and their variants, eval-scoring.ts; answers written for the tests, held-out.ts:
 * the development set the engine is tuned on, then the held-out set it is tested on). Exits non-zero when the pairwise
 * accuracy is below the minimum, or when a deterministic engine is not perfectly stable.
 */
import { assessmentOptionsFromEnv, createAssessmentEngine, type EngineChoice } from '../engine-factory';
import { formatEvalReport, runScoringEval } from './eval-scoring';
import { formatHeldOutReport, LABELLED_SETS, labelledAnswers, runHeldOutEval, type LabelledSet } from './held-out';

async function run(argv: string[]): Promise<number> {
  let engine: EngineChoice = 'rubric';
  let runs = 3;
  let min = 0.9;
  let details = false;
  let sets: LabelledSet[] = [...LABELLED_SETS];
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--engine' && value) (engine = value as EngineChoice), i++;
    else if (flag === '--runs' && value) (runs = Number(value)), i++;
    else if (flag === '--min' && value) (min = Number(value)), i++;
    else if (flag === '--set' && value && (value === 'both' || (LABELLED_SETS as readonly string[]).includes(value))) {
      sets = value === 'both' ? [...LABELLED_SETS] : [value as LabelledSet];
      i++;
    } else if (flag === '--details') details = true;
    else {
      process.stderr.write(`eval:scoring: unknown option ${flag}\nusage: npm run eval:scoring -- [--engine rubric|llm|auto] [--runs 3] [--min 0.9] [--set dev|held-out|both] [--details]\n`);
      return 2;
    }
  }
  const options = { ...assessmentOptionsFromEnv(process.env), engine };
  const report = await runScoringEval({ makeEngine: () => createAssessmentEngine(options), runs });
  process.stdout.write(`${formatEvalReport(report)}\n\n`);
  // Answers written for the tests, not made from the seeds: the engine must order them and put them in their bands.
  for (const set of sets) {
    const labelled = await runHeldOutEval(createAssessmentEngine(options), labelledAnswers(set), undefined, set);
    process.stdout.write(`${formatHeldOutReport(labelled, details)}\n\n`);
  }
  const deterministic = report.engine === 'rubric';
  if (report.accuracy < min) {
    process.stderr.write(`eval:scoring: accuracy ${report.accuracy} is below ${min}\n`);
    return 1;
  }
  if (deterministic && report.stability < 1) {
    process.stderr.write(`eval:scoring: the rubric engine gave different results across runs (stability ${report.stability})\n`);
    return 1;
  }
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval:scoring: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
