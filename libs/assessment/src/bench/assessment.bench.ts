/** `node tools/scripts/run-ts.mjs libs/assessment/src/bench/assessment.bench.ts [iterations]` (wired into `npm run bench`). */
import { formatBench, runAssessmentBench } from './assessment-bench';

const iterations = Number(process.argv[2] ?? 500);
runAssessmentBench({ iterations: Number.isFinite(iterations) && iterations > 0 ? iterations : 500 }).then(
  (r) => {
    process.stdout.write(`${formatBench(r)}\n`);
    process.exitCode = r.perSecond >= 50 && r.p95Ms < 50 ? 0 : 1;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
