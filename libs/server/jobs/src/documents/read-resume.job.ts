import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, JobResults } from '@mockroom/contracts';
import { DocumentRefused, extractText } from '@mockroom/server-documents';
import { OnJob } from '@mockroom/server-queue';
import { parseResume } from '@mockroom/resume';

/**
 * Reads an uploaded résumé: the text (in a thread with time and memory limits), then what it says. A file that cannot
 * or should not be read is an answer, not a failure: the reason goes back to the upload page.
 */
@Injectable()
export class ReadResumeJob {
  @OnJob(JobName.ReadResume)
  async run({ fileName, data }: JobPayloads[JobName.ReadResume]): Promise<JobResults[JobName.ReadResume]> {
    try {
      const extracted = await extractText(Buffer.from(data, 'base64'), fileName);
      return { ok: true, kind: extracted.kind, text: extracted.text, profile: parseResume(extracted.text) };
    } catch (error) {
      if (error instanceof DocumentRefused) return { ok: false, reason: error.reason, message: error.message };
      throw error;
    }
  }
}
