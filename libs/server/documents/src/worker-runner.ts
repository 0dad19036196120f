import { extname, join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { DocumentRefused, type RefusalReason } from './document-refused';
import type { ExtractedBody, ExtractionJob, ExtractionOutcome } from './worker-protocol';

/**
 * The build (tools/scripts/build-server.mjs) compiles each library's .ts files to .js files side by side, so the
 * compiled runner finds `extract-worker.js` next to itself. From the sources (Jest) there is no .js: the worker then
 * starts from a small bootstrap that lets its `require` compile .ts files with SWC, the compiler the build and Jest
 * use. Either way the worker is a real thread running real Node, outside Jest's module sandbox.
 */
const FROM_SOURCES = extname(__filename) === '.ts';
const WORKER_ENTRY = join(__dirname, FROM_SOURCES ? 'extract-worker.ts' : 'extract-worker.js');

const TS_BOOTSTRAP = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const swc = require(workerData.swcPath);
Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.entry);
`;

/** A refusal carrying what went wrong inside the worker as its `cause`, for the logs (never shown to the user). */
function refusal(reason: RefusalReason, message: string, detail?: string): DocumentRefused {
  const error = new DocumentRefused(reason, message);
  if (detail) Object.defineProperty(error, 'cause', { value: detail, configurable: true, writable: true });
  return error;
}

/** Extractions running at once: each may take its whole heap limit, so a burst of uploads waits instead of piling up. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

export interface WorkerLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

/**
 * Reads a file in a worker thread with a heap limit (`resourceLimits`) and a wall-clock limit. On timeout
 * the thread is terminated (V8 stops it even inside a tight loop) and the file refused as `too-slow`; a thread that
 * runs out of memory or dies is `malformed`. Rejects with `DocumentRefused` only.
 */
export async function runExtractionWorker(job: ExtractionJob, limits: WorkerLimits): Promise<ExtractedBody> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await runWorker(job, limits);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runWorker(job: ExtractionJob, limits: WorkerLimits): Promise<ExtractedBody> {
  return new Promise((resolve, reject) => {
    const options: WorkerOptions = {
      workerData: FROM_SOURCES ? { ...job, entry: WORKER_ENTRY, swcPath: require.resolve('@swc/core') } : job,
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxMemoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.min(32, Math.floor(limits.maxMemoryMb / 8))),
      },
      // pdf.js and mammoth may print about broken files; that is the user's file, not our log.
      stdout: true,
      stderr: true,
    };
    const worker = FROM_SOURCES
      ? new Worker(TS_BOOTSTRAP, { ...options, eval: true })
      : new Worker(WORKER_ENTRY, options);
    worker.stdout.resume();
    worker.stderr.resume();

    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new DocumentRefused(
              'too-slow',
              'This file took too long to read, so we stopped. Export it again as a simpler PDF, or upload it as DOCX or text.',
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (outcome: ExtractionOutcome) =>
      settle(() =>
        outcome.ok ? resolve(outcome.body) : reject(refusal(outcome.reason, outcome.message, outcome.detail)),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          refusal(
            'malformed',
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'This file could not be read: it needs far more memory than a résumé should. Export it again as a simpler PDF, or upload it as DOCX or text.'
              : 'This file could not be read; it may be damaged. Export it again from the original document as PDF or DOCX.',
            error.stack ?? error.message,
          ),
        ),
      ),
    );
    worker.once('exit', () =>
      settle(() =>
        reject(
          new DocumentRefused(
            'malformed',
            'This file could not be read; it may be damaged. Export it again from the original document as PDF or DOCX.',
          ),
        ),
      ),
    );
  });
}
