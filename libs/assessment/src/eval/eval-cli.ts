/**
 * `npm run eval:scoring` (eval-scoring.cli.ts calls this; tests call it with their own output and environment).
 *
 *   [--engine rubric|llm|auto] [--runs 3] [--min 0.9] [--set dev|held-out|both] [--details] [--spread 12]
 *     the seeds' answers and their variants (eval-scoring.ts), then the labelled sets (held-out.ts); with an LLM engine
 *     also its consistency: `--spread` answers of the labelled sets, each assessed `--runs` times (spread.ts).
 *   --agreement FILE.json [--engine …]
 *     the answers of finished human sessions as exported by GET /api/reports/agreement/answers, scored again by the
 *     current engine and compared with the interviewers next to the stored scores (agreement-eval.ts).
 *
 * Exits non-zero when the pairwise accuracy is below the minimum, or when a deterministic engine is not perfectly stable.
 */
import { QuestionBank } from '@mockroom/question-bank';
import { assessmentOptionsFromEnv, createAssessmentEngine, type EngineChoice } from '../engine-factory';
import { formatAgreementEval, readAgreementAnswers, runAgreementEval } from './agreement-eval';
import { formatEvalReport, runScoringEval } from './eval-scoring';
import { formatHeldOutReport, LABELLED_SETS, labelledAnswers, runHeldOutEval, type LabelledSet } from './held-out';
import { formatSpreadReport, runSpreadEval, spreadSample, type SpreadItem } from './spread';

export interface EvalCliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EVAL_USAGE =
  'usage: npm run eval:scoring -- [--engine rubric|llm|auto] [--runs 3] [--min 0.9] [--set dev|held-out|both] [--details] [--spread 12]\n' +
  '       npm run eval:scoring -- --agreement answers.json [--engine rubric|llm|auto]\n';

/** How many labelled answers the consistency check assesses repeatedly with an LLM engine, unless told. */
export const DEFAULT_SPREAD = 12;

const wholeNumber = (value: string | undefined, min: number) =>
  value !== undefined && /^\d+$/.test(value) && Number(value) >= min;

export async function evalScoringCli(argv: string[], io: EvalCliIo): Promise<number> {
  let engine: EngineChoice = 'rubric';
  let runs = 3;
  let min = 0.9;
  let details = false;
  let spread: number | undefined;
  let agreement: string | undefined;
  let sets: LabelledSet[] = [...LABELLED_SETS];
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--engine' && value) ((engine = value as EngineChoice), i++);
    else if (flag === '--runs' && wholeNumber(value, 1)) ((runs = Number(value)), i++);
    else if (flag === '--min' && value) ((min = Number(value)), i++);
    else if (flag === '--set' && value && (value === 'both' || (LABELLED_SETS as readonly string[]).includes(value))) {
      sets = value === 'both' ? [...LABELLED_SETS] : [value as LabelledSet];
      i++;
    } else if (flag === '--details') details = true;
    else if (flag === '--spread' && wholeNumber(value, 0)) ((spread = Number(value)), i++);
    else if (flag === '--agreement' && value) ((agreement = value), i++);
    else {
      io.stderr(
        `eval:scoring: unknown option ${flag}${value !== undefined && flag.startsWith('--') ? ` (or a bad value: ${value})` : ''}\n${EVAL_USAGE}`,
      );
      return 2;
    }
  }
  const options = { ...assessmentOptionsFromEnv(io.env), engine };

  if (agreement !== undefined) {
    let answers;
    try {
      answers = readAgreementAnswers(agreement);
    } catch (err) {
      io.stderr(`eval:scoring: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    const report = await runAgreementEval(createAssessmentEngine(options), answers);
    io.stdout(`${formatAgreementEval(report)}\n`);
    return 0;
  }

  const report = await runScoringEval({ makeEngine: () => createAssessmentEngine(options), runs });
  io.stdout(`${formatEvalReport(report)}\n\n`);
  // Answers written for the tests, not made from the seeds: the engine must order them and put them in their bands.
  for (const set of sets) {
    const labelled = await runHeldOutEval(createAssessmentEngine(options), labelledAnswers(set), undefined, set);
    io.stdout(`${formatHeldOutReport(labelled, details)}\n\n`);
  }
  // A model may score the same answer differently from one call to the next: how much, on a sample.
  const judge = createAssessmentEngine(options);
  if (judge.kind === 'llm' && (spread ?? DEFAULT_SPREAD) > 0) {
    const bank = QuestionBank.load();
    const pool = sets.flatMap((set) => labelledAnswers(set).map((a) => ({ set, a })));
    const items: SpreadItem[] = spreadSample(pool, spread ?? DEFAULT_SPREAD).flatMap(({ set, a }) => {
      const question = bank.get(a.questionId);
      return question ? [{ question, transcript: a.answer, label: `${set} ${a.questionId} ${a.kind}` }] : [];
    });
    io.stdout(`${formatSpreadReport(await runSpreadEval(judge, items, runs))}\n\n`);
  } else if (spread !== undefined && spread > 0) {
    io.stdout(
      `consistency: not measured, the engine is the rubric engine (deterministic: see the stability above). Set OPENAI_API_KEY or OPENAI_BASE_URL and --engine llm or auto to measure an LLM's.\n\n`,
    );
  }
  const deterministic = report.engine === 'rubric';
  if (report.accuracy < min) {
    io.stderr(`eval:scoring: accuracy ${report.accuracy} is below ${min}\n`);
    return 1;
  }
  if (deterministic && report.stability < 1) {
    io.stderr(`eval:scoring: the rubric engine gave different results across runs (stability ${report.stability})\n`);
    return 1;
  }
  return 0;
}
