import { BubblewrapSandbox } from './bubblewrap-sandbox';
import { PistonSandbox } from './piston-sandbox';

export { DEFAULT_SANDBOX_LIMITS } from './sandbox-limits';

export type SandboxLanguage = 'javascript' | 'python';

export interface SandboxLimits {
  /** CPU time of the program, ms (RLIMIT_CPU is in whole seconds: round up). */
  cpuMs: number;
  /** Wall-clock time from start to kill, ms. */
  wallMs: number;
  /** Memory, MiB. */
  memoryMb: number;
  /** Processes/threads the program may have at once. */
  processes: number;
  /** Bytes of stdout+stderr kept; past this the program is killed and verdict is 'output-limit'. */
  outputBytes: number;
  /** Bytes the program may write into its scratch folder (tmpfs size / RLIMIT_FSIZE). */
  scratchBytes: number;
}

export interface SandboxRequest {
  language: SandboxLanguage;
  /** Files written into the scratch folder before the run (name → UTF-8 content); names are plain file names, no slashes. */
  files: Record<string, string>;
  /** The file the interpreter runs, one of `files`. */
  entry: string;
  stdin?: string;
  limits?: Partial<SandboxLimits>;
}

export type SandboxVerdict =
  'ok' | 'runtime-error' | 'timeout' | 'cpu-limit' | 'memory-limit' | 'output-limit' | 'killed' | 'unavailable';

export interface SandboxResult {
  verdict: SandboxVerdict;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** True when output was cut at the limit. */
  truncated: boolean;
  wallMs: number;
  /** One sentence a candidate can read, e.g. "Stopped after 10 s: the program was still running." */
  message: string;
}

export interface CodeSandbox {
  /** Shown in the UI, e.g. "bubblewrap (this machine)" or "Piston at http://…". */
  readonly name: string;
  /** Whether runs can work here, and why not (bwrap missing, user namespaces off, interpreter missing…). Checked once, cached. */
  check(): Promise<{ ok: true } | { ok: false; reason: string }>;
  run(request: SandboxRequest): Promise<SandboxResult>;
}

/** Chosen by configuration: CODE_RUNNER_URL set → Piston there; otherwise bubblewrap. */
export function createSandbox(env: { CODE_RUNNER_URL?: string }): CodeSandbox {
  const url = env.CODE_RUNNER_URL?.trim();
  return url ? new PistonSandbox({ url }) : new BubblewrapSandbox();
}
