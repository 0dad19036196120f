import type { TranscriptCorrection } from '@mockroom/contracts';
import type { TranscriptCorrectionEntity } from '@mockroom/server-database';

export function toCorrectionDto(row: TranscriptCorrectionEntity): TranscriptCorrection {
  return {
    id: row.id,
    seq: row.seq,
    before: row.before,
    after: row.after,
    createdAt: row.createdAt.toISOString(),
    changes: row.changes,
  };
}
