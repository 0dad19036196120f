/**
 * `npm run eval:scoring [-- --engine rubric|llm|auto] [--runs 3] [--min 0.9] [--details]`: the scoring evaluations
 * (the seeds' answers and their variants, eval-scoring.ts; answers written for the tests, held-out.ts). Exits non-zero when the pairwise accuracy is below the minimum, or when a
 * deterministic engine is not perfectly stable.
 */
import { assessmentOptionsFromEnv, createAssessmentEngine, type EngineChoice } from '../engine-factory';
import { formatEvalReport, runScoringEval } from './eval-scoring';
import { formatHeldOutReport, runHeldOutEval } from './held-out';

async function run(argv: string[]): Promise<number> {
  let engine: EngineChoice = 'rubric';
  let runs = 3;
  let min = 0.9;
  let details = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--engine' && value) (engine = value as EngineChoice), i++;
    else if (flag === '--runs' && value) (runs = Number(value)), i++;
    else if (flag === '--min' && value) (min = Number(value)), i++;
    else if (flag === '--details') details = true;
    else {
      process.stderr.write(`eval:scoring: unknown option ${flag}\nusage: npm run eval:scoring -- [--engine rubric|llm|auto] [--runs 3] [--min 0.9] [--details]\n`);
      return 2;
    }
  }
  const options = { ...assessmentOptionsFromEnv(process.env), engine };
  const report = await runScoringEval({ makeEngine: () => createAssessmentEngine(options), runs });
  process.stdout.write(`${formatEvalReport(report)}\n\n`);
  // Answers written for the tests, not made from the seeds: the engine must order them and put them in their bands.
  const heldOut = await runHeldOutEval(createAssessmentEngine(options));
  process.stdout.write(`${formatHeldOutReport(heldOut, details)}\n`);
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
