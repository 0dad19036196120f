import type { RefusalReason } from './document-refused';
import type { DocumentKind } from './document.types';

/** What the main thread hands the extraction worker (as `workerData`). */
export interface ExtractionJob {
  kind: DocumentKind;
  bytes: Uint8Array;
}

/** What a parser returns; the main thread derives `lines` from `text`. */
export interface ExtractedBody {
  text: string;
  pages: number | null;
  warnings: string[];
}

/** The worker's one message back. */
export type ExtractionOutcome =
  | { ok: true; body: ExtractedBody }
  | { ok: false; reason: RefusalReason; message: string; /** The underlying error, for logs. */ detail?: string };
