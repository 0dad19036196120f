import { parentPort, workerData } from 'node:worker_threads';
import { DocumentRefused } from './document-refused';
import { extractDocx } from './docx-extract';
import { extractPdf } from './pdf-extract';
import { extractPlainText } from './text-extract';
import type { ExtractionJob, ExtractionOutcome } from './worker-protocol';

/**
 * Entry point of the extraction worker thread (see `worker-runner.ts`): reads one file and posts one
 * `ExtractionOutcome`. Anything but a refusal (a parser bug, a crash on a hostile file) becomes `malformed`.
 */
async function run(job: ExtractionJob): Promise<ExtractionOutcome> {
  try {
    const body =
      job.kind === 'pdf'
        ? await extractPdf(job.bytes)
        : job.kind === 'docx'
          ? await extractDocx(job.bytes)
          : extractPlainText(job.bytes);
    return { ok: true, body };
  } catch (error) {
    if (error instanceof DocumentRefused) return { ok: false, reason: error.reason, message: error.message };
    return {
      ok: false,
      reason: 'malformed',
      message:
        'This file could not be read; it may be damaged. Export it again from the original document as PDF or DOCX.',
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as ExtractionJob).then((outcome) => port.postMessage(outcome));
}
