import type { SandboxLimits, SandboxRequest, SandboxResult, SandboxVerdict } from './sandbox';

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = Object.freeze({
  cpuMs: 5_000,
  wallMs: 10_000,
  memoryMb: 256,
  processes: 16,
  outputBytes: 64 * 1024,
  scratchBytes: 8 * 1024 * 1024,
});

const LIMIT_KEYS = Object.keys(DEFAULT_SANDBOX_LIMITS) as (keyof SandboxLimits)[];

/** Later layers win; an unset field keeps the earlier value. A limit must be a positive number. */
export function resolveLimits(...layers: (Partial<SandboxLimits> | undefined)[]): SandboxLimits {
  const limits: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS };
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of LIMIT_KEYS) {
      const value = layer[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw new RangeError(`Sandbox limit ${key} must be a positive number, got ${String(value)}`);
      }
      limits[key] = Math.ceil(value);
    }
  }
  return limits;
}

/** Rejects requests the caller built wrongly (names that are paths, an entry that is not a file). */
export function validateRequest(request: SandboxRequest): void {
  if (request.language !== 'javascript' && request.language !== 'python') {
    throw new TypeError(`Unsupported sandbox language: ${String(request.language)}`);
  }
  for (const name of Object.keys(request.files)) {
    if (!isPlainFileName(name)) throw new TypeError(`Sandbox file names are plain names, got ${JSON.stringify(name)}`);
  }
  if (!Object.prototype.hasOwnProperty.call(request.files, request.entry)) {
    throw new TypeError(`The entry ${JSON.stringify(request.entry)} is not one of the files`);
  }
}

export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/** "10 s", "1.5 s", "250 ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}

/** "64 KiB", "8 MiB", "1000 bytes". */
export function formatBytes(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib && bytes % (mib / 8) === 0) return `${bytes / mib} MiB`;
  if (bytes >= 1024 && bytes % 128 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export interface VerdictDetail {
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  /** What the program printed on stderr: a crash caused by a limit is named after it. */
  stderr?: string;
}

/** The sentence a candidate reads under the run. */
export function describeVerdict(verdict: SandboxVerdict, limits: SandboxLimits, detail: VerdictDetail): string {
  switch (verdict) {
    case 'ok':
      return `Finished in ${formatDuration(detail.wallMs)}.`;
    case 'runtime-error':
      if (detail.signal === 'SIGXFSZ' || /\bEFBIG\b|File too large/.test(detail.stderr ?? '')) {
        return `Stopped: the program wrote a file larger than ${formatBytes(limits.scratchBytes)}.`;
      }
      if (/\bENOSPC\b|No space left on device/.test(detail.stderr ?? '')) {
        return `Stopped: the program filled its ${formatBytes(limits.scratchBytes)} scratch folder.`;
      }
      if (detail.signal) return `The program crashed (${detail.signal}).`;
      return `The program stopped with exit code ${detail.exitCode ?? 'unknown'}.`;
    case 'timeout':
      return `Stopped after ${formatDuration(limits.wallMs)}: the program was still running.`;
    case 'cpu-limit':
      return `Stopped after ${formatDuration(Math.ceil(limits.cpuMs / 1000) * 1000)} of CPU time: the program was still computing.`;
    case 'memory-limit':
      return `Stopped: the program needed more than ${limits.memoryMb} MiB of memory.`;
    case 'output-limit':
      return `Stopped: the program printed more than ${formatBytes(limits.outputBytes)} of output.`;
    case 'killed':
      return `The program was killed${detail.signal ? ` (${detail.signal})` : ''} before it finished.`;
    case 'unavailable':
      return 'Code cannot be run right now.';
  }
}

/** A result for a run that never started; `reason` is the sentence shown. */
export function unavailableResult(reason: string, wallMs = 0): SandboxResult {
  return {
    verdict: 'unavailable',
    exitCode: null,
    signal: null,
    stdout: '',
    stderr: '',
    truncated: false,
    wallMs,
    message: reason,
  };
}

/** Messages that mean the program ran out of memory (the kernel's limit or the runtime's own heap limit). */
const OUT_OF_MEMORY_PATTERNS = [
  /\bMemoryError\b/, // Python
  /JavaScript heap out of memory/, // V8 heap limit (--max-old-space-size)
  /Array buffer allocation failed/, // ArrayBuffer/Buffer backing store refused by RLIMIT_DATA
  /Fatal process out of memory/, // V8 could not reserve or commit memory
  /std::bad_alloc/, // C++ allocation inside V8 or Node refused
  /Cannot allocate memory/,
];

export function looksOutOfMemory(stderr: string): boolean {
  return OUT_OF_MEMORY_PATTERNS.some((pattern) => pattern.test(stderr));
}

/**
 * Keeps at most `limit` bytes of stdout and stderr together, in arrival order. `take` says whether the program is
 * still within its limit (false once a chunk did not fit: the caller stops it).
 */
export class OutputBudget {
  private used = 0;
  private readonly chunks: Record<'stdout' | 'stderr', Buffer[]> = { stdout: [], stderr: [] };
  exceeded = false;

  constructor(private readonly limit: number) {}

  take(stream: 'stdout' | 'stderr', chunk: Buffer): boolean {
    if (this.exceeded) return false;
    const room = this.limit - this.used;
    if (chunk.length > room) {
      if (room > 0) this.chunks[stream].push(chunk.subarray(0, room));
      this.used = this.limit;
      this.exceeded = true;
      return false;
    }
    this.chunks[stream].push(chunk);
    this.used += chunk.length;
    return true;
  }

  text(stream: 'stdout' | 'stderr'): string {
    return decodeCut(Buffer.concat(this.chunks[stream]));
  }
}

/** UTF-8 text of bytes that may end inside a character (cut at a byte limit): the partial character is dropped. */
export function decodeCut(bytes: Buffer): string {
  let end = bytes.length;
  // Step back over continuation bytes to the last lead byte; drop it if its character is incomplete.
  let back = 0;
  while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
  const lead = end - back - 1;
  if (lead >= 0) {
    const byte = bytes[lead];
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (needed > back + 1) end = lead;
  }
  return bytes.subarray(0, end).toString('utf8');
}
