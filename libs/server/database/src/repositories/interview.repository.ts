import type { Assessment } from '@mockroom/assessment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  AnswerEnding,
  EngineNames,
  InterviewPlan,
  InterviewStatus,
  MediaState,
  PromptKind,
  Speaker,
  TurnState,
} from '@mockroom/contracts';
import { Brackets, DataSource, FindOperator, In, IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { AnswerIntent, InterviewAnswerEntity } from '../entities/interview-answer.entity';
import { InterviewPromptEntity } from '../entities/interview-prompt.entity';
import { InterviewShareEntity } from '../entities/interview-share.entity';
import { InterviewEntity } from '../entities/interview.entity';
import { RecordingEntity } from '../entities/recording.entity';
import { TranscriptSegmentEntity } from '../entities/transcript-segment.entity';
import { normalizeEmail } from './user.repository';

/** TypeORM's postgres driver answers UPDATE … RETURNING with [rows, affected] and SELECT with rows. */
function returning<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}

export interface NewInterview {
  /** Null for a human session until a candidate accepts its invitation. */
  candidateId: string | null;
  interviewerKind: 'ai' | 'human';
  interviewerId?: string | null;
  scheduledAt?: Date | null;
  inviteTokenHash?: string | null;
  plan: InterviewPlan;
  turn: TurnState;
  engines: EngineNames;
  /** What the interview was tailored to, if anything. */
  resumeId?: string | null;
  jobDescriptionId?: string | null;
}

export interface NewPrompt {
  interviewId: string;
  seq: number;
  kind: PromptKind;
  questionId: string | null;
  questionIndex: number;
  text: string;
  /** Said before the text (a greeting, a transition). */
  lead?: string | null;
  atMs: number;
}

export interface NewSegment {
  interviewId: string;
  seq: number;
  speaker: Speaker;
  answerId: string | null;
  questionId: string | null;
  startMs: number;
  endMs: number;
  text: string;
  words?: { word: string; startMs: number; endMs: number }[] | null;
  engine: string | null;
}

export interface InterviewFilters {
  trackId?: string;
  /** On the day the interview started (or was created): from the start of `from`, before the end of `to`. */
  from?: Date;
  toExclusive?: Date;
}

export interface NewAnswer {
  interviewId: string;
  questionId: string;
  questionIndex: number;
  kind: 'answer' | 'follow-up';
  promptSeq: number;
  startMs: number;
}

/** Interviews and everything recorded in them: prompts, answers, transcript segments, recordings. */
@Injectable()
export class InterviewRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(InterviewEntity) private readonly interviews: Repository<InterviewEntity>,
    @InjectRepository(InterviewPromptEntity) private readonly prompts: Repository<InterviewPromptEntity>,
    @InjectRepository(InterviewAnswerEntity) private readonly answers: Repository<InterviewAnswerEntity>,
    @InjectRepository(TranscriptSegmentEntity) private readonly segments: Repository<TranscriptSegmentEntity>,
    @InjectRepository(RecordingEntity) private readonly recordings: Repository<RecordingEntity>,
    @InjectRepository(InterviewShareEntity) private readonly shares: Repository<InterviewShareEntity>,
  ) {}

  create(interview: NewInterview): Promise<InterviewEntity> {
    return this.interviews.save(
      this.interviews.create({
        ...interview,
        interviewerId: interview.interviewerId ?? null,
        scheduledAt: interview.scheduledAt ?? null,
        inviteTokenHash: interview.inviteTokenHash ?? null,
        resumeId: interview.resumeId ?? null,
        jobDescriptionId: interview.jobDescriptionId ?? null,
        status: 'created',
        nextSeq: 0,
        lastActivityAt: new Date(),
      }),
    );
  }

  findById(id: string): Promise<InterviewEntity | null> {
    return this.interviews.findOne({ where: { id }, relations: { candidate: true, interviewer: true } });
  }

  /** Changes the media state under a row lock, so webhooks arriving together do not overwrite each other. */
  async updateMediaState(id: string, change: (state: MediaState) => MediaState): Promise<MediaState | null> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager
        .getRepository(InterviewEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id })
        .getOne();
      if (!row) return null;
      const next = change(row.mediaState ?? {});
      await manager.query(`UPDATE interviews SET media_state = $2 WHERE id = $1`, [id, JSON.stringify(next)]);
      return next;
    });
  }

  async setInviteHash(id: string, hash: string, expiresAt: Date, version = 0): Promise<void> {
    await this.interviews.update({ id }, { inviteTokenHash: hash, inviteExpiresAt: expiresAt, inviteVersion: version });
  }

  /** The interview an invitation token (its hash) belongs to. */
  findByInviteHash(hash: string): Promise<InterviewEntity | null> {
    return this.interviews.findOne({
      where: { inviteTokenHash: hash },
      relations: { candidate: true, interviewer: true },
    });
  }

  /**
   * The candidate takes the session's place; false when another candidate took it first (decided by the row, so two
   * people accepting at once cannot both get it) or the user is the session's interviewer.
   */
  async acceptInvitation(id: string, userId: string): Promise<boolean> {
    const rows = returning<{ id: string }>(
      await this.dataSource.query(
        `UPDATE interviews SET candidate_id = $2, last_activity_at = now()
         WHERE id = $1 AND candidate_id IS NULL AND interviewer_id <> $2 AND status IN ('created', 'live') RETURNING id`,
        [id, userId],
      ),
    );
    return rows.length > 0;
  }

  /** Interviews a user took, ran as interviewer, or was shared, newest first, optionally filtered. */
  listVisibleTo(userId: string, filters: InterviewFilters = {}, limit = 200): Promise<InterviewEntity[]> {
    const query = this.interviews
      .createQueryBuilder('interview')
      .leftJoinAndSelect('interview.candidate', 'candidate')
      .leftJoinAndSelect('interview.interviewer', 'interviewer')
      .where(
        new Brackets((visible) =>
          visible
            .where('(interview.candidate_id = :userId AND interview.candidate_removed_at IS NULL)')
            .orWhere('interview.interviewer_id = :userId')
            // Shared with the address of an interviewer's (or an admin's) account, once the interview is over.
            .orWhere(
              `(interview.status IN ('completed', 'abandoned') AND EXISTS (
                 SELECT 1 FROM interview_shares share JOIN users viewer ON viewer.email_normalized = share.email
                 WHERE share.interview_id = interview.id AND viewer.id = :userId AND viewer.role IN ('interviewer', 'admin')))`,
            ),
        ),
      )
      .setParameter('userId', userId);
    if (filters.trackId) query.andWhere(`interview.plan->>'trackId' = :trackId`, { trackId: filters.trackId });
    if (filters.from)
      query.andWhere('COALESCE(interview.started_at, interview.created_at) >= :from', { from: filters.from });
    if (filters.toExclusive)
      query.andWhere('COALESCE(interview.started_at, interview.created_at) < :to', { to: filters.toExclusive });
    return query.orderBy('interview.created_at', 'DESC').take(limit).getMany();
  }

  /** A candidate's finished interviews, oldest first, with their answers that were assessed. */
  async listFinishedWithAnswers(
    candidateId: string,
  ): Promise<{ interview: InterviewEntity; answers: InterviewAnswerEntity[] }[]> {
    const interviews = await this.interviews.find({
      where: { candidateId, candidateRemovedAt: IsNull(), status: In(['completed', 'abandoned']) },
      order: { startedAt: 'ASC', createdAt: 'ASC' },
    });
    if (!interviews.length) return [];
    const answers = await this.answers
      .createQueryBuilder('answer')
      .where('answer.interview_id IN (:...ids)', { ids: interviews.map((i) => i.id) })
      .andWhere(`answer.status = 'closed'`)
      .andWhere('answer.assessment IS NOT NULL')
      .orderBy('answer.start_ms', 'ASC')
      .getMany();
    const byInterview = new Map<string, InterviewAnswerEntity[]>();
    for (const answer of answers)
      byInterview.set(answer.interviewId, [...(byInterview.get(answer.interviewId) ?? []), answer]);
    return interviews.map((interview) => ({ interview, answers: byInterview.get(interview.id) ?? [] }));
  }

  listShares(interviewId: string): Promise<InterviewShareEntity[]> {
    return this.shares.find({ where: { interviewId }, order: { createdAt: 'ASC' } });
  }

  /** Whether the interview is shared with this address (an account's; the caller checks the account's role). */
  async isSharedWith(interviewId: string, email: string): Promise<boolean> {
    return (await this.shares.countBy({ interviewId, email: normalizeEmail(email) })) > 0;
  }

  /** Shares once: sharing again with the same address returns the existing share. */
  async addShare(interviewId: string, email: string): Promise<{ share: InterviewShareEntity; created: boolean }> {
    const address = normalizeEmail(email);
    const inserted = await this.shares
      .createQueryBuilder()
      .insert()
      .values({ interviewId, email: address })
      .orIgnore()
      .returning('id')
      .execute();
    const share = await this.shares.findOneByOrFail({ interviewId, email: address });
    return { share, created: (inserted.raw as unknown[]).length > 0 };
  }

  async removeShare(interviewId: string, shareId: string): Promise<boolean> {
    const result = await this.shares.delete({ interviewId, id: shareId });
    return (result.affected ?? 0) > 0;
  }

  /** Reserves the next transcript position; atomic, so concurrent prompts and segments never share one. */
  async allocateSeq(id: string, count = 1): Promise<number> {
    const rows = returning<{ first: number }>(
      await this.dataSource.query(
        `UPDATE interviews SET next_seq = next_seq + $2, last_activity_at = now() WHERE id = $1 RETURNING next_seq - $2 AS first`,
        [id, count],
      ),
    );
    if (!rows.length) throw new Error(`interview ${id} not found`);
    return rows[0].first;
  }

  /** created → live; false when it was not in `created` (already started, or ended). */
  /**
   * created → live; false when it had started already, or when `lease` is older than the token of the process that
   * owns the interview now (see `saveTurn`).
   */
  async start(id: string, startedAt: Date, turn: TurnState, lease: number | null = null): Promise<boolean> {
    const result = await this.interviews.update(
      { id, status: 'created', ...this.fence(lease) },
      { status: 'live', startedAt, turn, lastActivityAt: startedAt, ...this.stamp(lease) },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Saves where the turn stands. With a lease token (the owning process's), the write is refused (false) when a newer
   * owner has written already: a process that lost its lease cannot overwrite its successor's turn.
   */
  async saveTurn(id: string, turn: TurnState, lease: number | null = null): Promise<boolean> {
    const result = await this.interviews.update(
      { id, ...this.fence(lease) },
      { turn, lastActivityAt: new Date(), ...this.stamp(lease) },
    );
    return (result.affected ?? 0) > 0;
  }

  /** live → completed (or abandoned); false when it had already ended (or the lease is stale, see `saveTurn`). */
  async finish(
    id: string,
    status: Extract<InterviewStatus, 'completed' | 'abandoned'>,
    endedAt: Date,
    turn: TurnState,
    lease: number | null = null,
  ): Promise<boolean> {
    const result = await this.interviews.update(
      { id, status: In(['created', 'live']), ...this.fence(lease) },
      { status, endedAt, turn, ...this.stamp(lease) },
    );
    return (result.affected ?? 0) > 0;
  }

  /** The fencing token stored with the interview's turn (0 before any lease wrote it). */
  async leaseToken(id: string): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT lease_token FROM interviews WHERE id = $1`, [id])) as {
      lease_token: string;
    }[];
    return rows.length ? Number(rows[0].lease_token) : 0;
  }

  /** A write condition: the stored token is not newer than the writer's. */
  private fence(lease: number | null): { leaseToken?: FindOperator<string> } {
    return lease === null ? {} : { leaseToken: LessThanOrEqual(String(lease)) };
  }

  private stamp(lease: number | null): { leaseToken?: string } {
    return lease === null ? {} : { leaseToken: String(lease) };
  }

  async setOverallScore(id: string, overallScore: number | null): Promise<void> {
    await this.interviews.update({ id }, { overallScore });
  }

  /** Marks interviews nobody has touched since `before` as abandoned; returns their ids. */
  async abandonIdle(before: Date): Promise<string[]> {
    // A session with a human interviewer that has not started waits for its day: its invitation stays open until a
    // week after the time it was scheduled for (or created at).
    const rows = returning<{ id: string }>(
      await this.dataSource.query(
        `UPDATE interviews SET status = 'abandoned', ended_at = now()
         WHERE status IN ('created', 'live') AND last_activity_at < $1
           AND NOT (interviewer_kind = 'human' AND status = 'created' AND COALESCE(scheduled_at, created_at) > now() - interval '7 days')
         RETURNING id`,
        [before],
      ),
    );
    return rows.map((r) => r.id);
  }

  /** Stores a prompt and its line in the transcript together. */
  async addPrompt(prompt: NewPrompt): Promise<InterviewPromptEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(InterviewPromptEntity, {
        ...prompt,
        lead: prompt.lead ?? null,
        audioPath: null,
        audioDurationMs: null,
      });
      await manager
        .createQueryBuilder()
        .insert()
        .into(TranscriptSegmentEntity)
        .values({
          interviewId: prompt.interviewId,
          seq: prompt.seq,
          speaker: 'interviewer',
          answerId: null,
          questionId: prompt.questionId,
          startMs: prompt.atMs,
          endMs: prompt.atMs,
          text: prompt.lead ? `${prompt.lead} ${prompt.text}` : prompt.text,
          engine: null,
        })
        .orIgnore()
        .execute();
      return saved;
    });
  }

  /** Records the synthesised audio of a prompt; its transcript line gets the real duration. */
  async setPromptAudio(
    interviewId: string,
    seq: number,
    audioPath: string,
    durationMs: number,
    engine: string,
  ): Promise<void> {
    await this.prompts.update({ interviewId, seq }, { audioPath, audioDurationMs: durationMs });
    await this.dataSource.query(
      `UPDATE transcript_segments SET end_ms = start_ms + $3, engine = $4 WHERE interview_id = $1 AND seq = $2`,
      [interviewId, seq, durationMs, engine],
    );
  }

  findPrompt(interviewId: string, seq: number): Promise<InterviewPromptEntity | null> {
    return this.prompts.findOneBy({ interviewId, seq });
  }

  listPrompts(interviewId: string): Promise<InterviewPromptEntity[]> {
    return this.prompts.find({ where: { interviewId }, order: { seq: 'ASC' } });
  }

  createAnswer(answer: NewAnswer): Promise<InterviewAnswerEntity> {
    return this.answers.save(
      this.answers.create({
        ...answer,
        status: 'open',
        intent: null,
        endMs: null,
        assessment: null,
        overallScore: null,
      }),
    );
  }

  async closeAnswer(
    id: string,
    endMs: number,
    status: 'closed' | 'request',
    intent: AnswerIntent | null = null,
    ending: AnswerEnding | null = null,
  ): Promise<void> {
    await this.answers.update({ id, status: 'open' }, { endMs, status, intent, ending });
  }

  /**
   * Stores an answer's assessment. With `endedAtMs`, only while the answer is still the one that was assessed: closed,
   * and ended there (an answer the candidate went on with was reopened, and closes later with more words).
   * Returns whether it was stored.
   */
  async saveAssessment(
    answerId: string,
    assessment: Assessment,
    overallScore: number | null,
    endedAtMs?: number | null,
  ): Promise<boolean> {
    // jsonb column: TypeORM's partial-entity typing cannot take the nested assessment, so go through SQL.
    const [, affected] = (await this.dataSource.query(
      endedAtMs === undefined
        ? `UPDATE interview_answers SET assessment = $2, overall_score = $3 WHERE id = $1`
        : `UPDATE interview_answers SET assessment = $2, overall_score = $3
           WHERE id = $1 AND status <> 'open' AND end_ms IS NOT DISTINCT FROM $4`,
      endedAtMs === undefined
        ? [answerId, JSON.stringify(assessment), overallScore]
        : [answerId, JSON.stringify(assessment), overallScore, endedAtMs],
    )) as [unknown, number];
    return affected > 0;
  }

  /**
   * The candidate went on after the interviewer had begun its next prompt: that prompt is taken back (its row, its line
   * in the transcript and the answer it opened, which has nothing in it yet), and the answer it followed is open again.
   * One transaction, so a reload sees either the prompt or the reopened answer. False when the prompt's answer has
   * words already (it is being answered: nothing is changed).
   */
  async withdrawPrompt(interviewId: string, seq: number, reopenAnswerId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const opened = await manager.findOneBy(InterviewAnswerEntity, { interviewId, promptSeq: seq });
      if (opened) {
        const said = await manager.countBy(TranscriptSegmentEntity, { interviewId, answerId: opened.id });
        if (said > 0) return false;
        await manager.delete(InterviewAnswerEntity, { id: opened.id });
      }
      await manager.delete(InterviewPromptEntity, { interviewId, seq });
      await manager.delete(TranscriptSegmentEntity, { interviewId, seq, speaker: 'interviewer' });
      await manager.update(
        InterviewAnswerEntity,
        { id: reopenAnswerId, interviewId },
        { status: 'open', endMs: null, intent: null, ending: null, overallScore: null },
      );
      await manager.query(`UPDATE interview_answers SET assessment = NULL WHERE id = $1`, [reopenAnswerId]);
      return true;
    });
  }

  findAnswer(id: string): Promise<InterviewAnswerEntity | null> {
    return this.answers.findOneBy({ id });
  }

  listAnswers(interviewId: string): Promise<InterviewAnswerEntity[]> {
    return this.answers.find({ where: { interviewId }, order: { startMs: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * Stores a transcript segment once: a retried or duplicated job finds the row already there and gets it back unchanged.
   * Returns the stored row and whether this call created it.
   */
  async upsertSegment(segment: NewSegment): Promise<{ segment: TranscriptSegmentEntity; created: boolean }> {
    const result = await this.segments
      .createQueryBuilder()
      .insert()
      .values({ ...segment, words: segment.words ?? null })
      .orIgnore()
      .returning(['seq'])
      .execute();
    const created = (result.raw as unknown[]).length > 0;
    const stored = await this.segments.findOneByOrFail({ interviewId: segment.interviewId, seq: segment.seq });
    return { segment: stored, created };
  }

  listSegments(interviewId: string): Promise<TranscriptSegmentEntity[]> {
    return this.segments.find({ where: { interviewId }, order: { seq: 'ASC' } });
  }

  /** A recording stream, created on first use (streams resume after a dropped connection). */
  async ensureRecording(recording: Omit<RecordingEntity, 'id' | 'createdAt' | 'durationMs'>): Promise<RecordingEntity> {
    await this.recordings
      .createQueryBuilder()
      .insert()
      .values({ ...recording, durationMs: 0 })
      .orIgnore()
      .execute();
    return this.recordings.findOneByOrFail({
      interviewId: recording.interviewId,
      speaker: recording.speaker,
      streamId: recording.streamId,
    });
  }

  /** A stream's recording, if it has recorded anything. */
  findRecording(interviewId: string, speaker: Speaker, streamId: string): Promise<RecordingEntity | null> {
    return this.recordings.findOneBy({ interviewId, speaker, streamId });
  }

  async setRecordingDuration(id: string, durationMs: number): Promise<void> {
    await this.recordings.update({ id }, { durationMs });
  }

  listRecordings(interviewId: string): Promise<RecordingEntity[]> {
    return this.recordings.find({ where: { interviewId }, order: { startMs: 'ASC' } });
  }

  /**
   * The candidate of a human session leaves it: it goes from their history, and their recordings go (the rows are
   * returned, so the caller removes the files). The interviewer keeps the session, its transcript, notes and scores.
   */
  async removeCandidate(id: string): Promise<RecordingEntity[] | null> {
    return this.dataSource.transaction(async (manager) => {
      const marked = await manager.query(
        `UPDATE interviews SET candidate_removed_at = now() WHERE id = $1 AND candidate_removed_at IS NULL RETURNING id`,
        [id],
      );
      if (!returning(marked).length) return null;
      const recordings = await manager
        .getRepository(RecordingEntity)
        .find({ where: { interviewId: id, speaker: 'candidate' } });
      await manager.getRepository(RecordingEntity).delete({ interviewId: id, speaker: 'candidate' });
      return recordings;
    });
  }

  /** Deletes the interview with everything recorded in it (rows cascade); the caller removes its media files. */
  async delete(id: string): Promise<boolean> {
    const result = await this.interviews.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
