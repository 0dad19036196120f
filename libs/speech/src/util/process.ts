import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  input?: Buffer | string;
  signal?: AbortSignal;
  timeoutMs?: number;
  cwd?: string;
  /** Largest stdout kept, in bytes (default 256 MB). */
  maxStdoutBytes?: number;
}

export class CommandError extends Error {
  constructor(
    message: string,
    readonly result?: RunResult,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CommandError';
  }
}

/** Runs a program without a shell; resolves whatever its exit code (check `code`), rejects when it cannot start, times out or is aborted. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(abortError(options.signal));
      return;
    }
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    const maxOut = options.maxStdoutBytes ?? 256 * 1024 * 1024;
    let err = '';
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      child.kill('SIGKILL');
      finish(() => reject(abortError(options.signal)));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(() => reject(new CommandError(`${command} did not finish within ${options.timeoutMs} ms`)));
      }, options.timeoutMs);
    }
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxOut) {
        child.kill('SIGKILL');
        finish(() => reject(new CommandError(`${command} wrote more than ${maxOut} bytes`)));
        return;
      }
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 64 * 1024) err += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const message =
        error.code === 'ENOENT'
          ? `${command} is not installed (not found on PATH)`
          : `${command} could not be started: ${error.message}`;
      finish(() => reject(new CommandError(message, undefined, { cause: error })));
    });
    child.on('close', (code, signal) => {
      finish(() => resolve({ stdout: Buffer.concat(out), stderr: err, code, signal }));
    });
    child.stdin.on('error', () => {
      // The program may exit without reading its input; its exit status tells what happened.
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Where programs are looked for when no search path is given. The lib does not read the
 * environment (PATH included) outside `speechOptionsFromEnv`, which passes PATH on as `searchPath`.
 */
export const DEFAULT_SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(
  delimiter,
);

/** Full path of a program in a search path (PATH syntax), or null. */
export function which(program: string, searchPath: string = DEFAULT_SEARCH_PATH): string | null {
  if (program.includes('/')) return isExecutable(program) ? program : null;
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}
