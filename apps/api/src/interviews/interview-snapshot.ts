import type { InterviewSnapshot, InterviewSummary, Prompt, TurnState } from '@mockroom/contracts';
import type {
  InterviewAnswerEntity,
  InterviewEntity,
  InterviewPromptEntity,
  TranscriptSegmentEntity,
} from '@mockroom/server-database';
import { promptAudioUrl, toAnswerResult, toSegmentDto } from '@mockroom/server-interviews';

export function toSummary(entity: InterviewEntity): InterviewSummary {
  const started = entity.startedAt?.getTime() ?? null;
  const ended = entity.endedAt?.getTime() ?? null;
  return {
    id: entity.id,
    status: entity.status,
    title: entity.plan.title,
    trackId: entity.plan.trackId,
    role: entity.plan.role,
    level: entity.plan.level,
    interviewer:
      entity.interviewerKind === 'ai'
        ? { kind: 'ai', name: 'AI interviewer', id: null }
        : { kind: 'human', name: entity.interviewer?.displayName ?? 'Interviewer', id: entity.interviewerId },
    candidate: entity.candidateId
      ? {
          id: entity.candidateId,
          name: entity.candidate?.displayName ?? '',
          ...(entity.candidateRemovedAt ? { removed: true } : {}),
        }
      : null,
    questionCount: entity.plan.questionIds.length,
    createdAt: entity.createdAt.toISOString(),
    startedAt: entity.startedAt?.toISOString() ?? null,
    endedAt: entity.endedAt?.toISOString() ?? null,
    durationMs: started === null ? null : (ended ?? Date.now()) - started,
    overallScore: entity.overallScore,
  };
}

export function toPrompt(row: InterviewPromptEntity): Prompt {
  return {
    seq: row.seq,
    kind: row.kind,
    questionId: row.questionId,
    questionIndex: row.questionIndex,
    text: row.text,
    ...(row.lead ? { lead: row.lead } : {}),
    atMs: row.atMs,
    audioUrl: row.audioPath ? promptAudioUrl(row.interviewId, row.seq) : null,
    audioDurationMs: row.audioDurationMs,
  };
}

export function buildSnapshot(
  entity: InterviewEntity,
  turn: TurnState,
  prompts: InterviewPromptEntity[],
  segments: TranscriptSegmentEntity[],
  answers: InterviewAnswerEntity[],
): InterviewSnapshot {
  return {
    interview: toSummary(entity),
    plan: entity.plan,
    engines: entity.engines,
    turn,
    prompts: prompts.map(toPrompt),
    transcript: segments.map(toSegmentDto),
    answers: answers.filter((a) => a.status === 'closed').map((a) => toAnswerResult(a, segments)),
  };
}
