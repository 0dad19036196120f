/**
 * `npm run eval:scoring`: the scoring evaluations. Options and what each prints: eval-cli.ts (`--help` for the usage).
 */
import { EVAL_USAGE, evalScoringCli } from './eval-cli';

const argv = process.argv.slice(2);
const run =
  argv.includes('--help') || argv.includes('-h')
    ? Promise.resolve((process.stdout.write(EVAL_USAGE), 0))
    : evalScoringCli(argv, {
        env: process.env,
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
      });

run.then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval:scoring: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
