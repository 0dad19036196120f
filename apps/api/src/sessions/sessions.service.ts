import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  GoneException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { HumanSession, InterviewSummary, InvitationInfo, User } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { InterviewEntity, InterviewRepository } from '@mockroom/server-database';
import { createHash, createHmac } from 'node:crypto';
import { planInterview } from '../interviews/interview-plan';
import { toSummary } from '../interviews/interview-snapshot';
import { InterviewsService } from '../interviews/interviews.service';
import { CreateSessionDto } from './dto/create-session.dto';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** An invitation link works this long after it is made, or until a day after the session's time when that is later. */
export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

function invitationExpiry(scheduledAt: Date | null, now = new Date()): Date {
  return new Date(Math.max(now.getTime() + INVITATION_DAYS * DAY_MS, scheduledAt ? scheduledAt.getTime() + DAY_MS : 0));
}

/**
 * Human interviewer sessions. The invitation token is derived from the session id and the link's version with the
 * server's secret (so the interviewer can copy the link again later) and only its hash is stored. It stops working
 * once a candidate accepts, when it expires, or when the interviewer makes a new link.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly interviewsService: InterviewsService,
    private readonly bank: QuestionBank,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private token(interviewId: string, version: number): string {
    return createHmac('sha256', this.config.secret)
      .update(version === 0 ? `invitation:${interviewId}` : `invitation:${interviewId}:${version}`)
      .digest('base64url');
  }

  async create(user: User, request: CreateSessionDto): Promise<HumanSession> {
    if (user.role !== 'interviewer' && user.role !== 'admin')
      throw new ForbiddenException('Only interviewer accounts can run sessions.');
    const scheduledAt = request.scheduledAt ? new Date(request.scheduledAt) : null;
    if (scheduledAt && Number.isNaN(scheduledAt.getTime()))
      throw new BadRequestException('scheduledAt is not a real date-time.');
    const plan = planInterview(this.bank, { ...request, maxFollowUps: 3, voice: 'browser' }, 'browser');
    const engines = await this.interviewsService.engines();
    const created = await this.interviews.create({
      candidateId: null,
      interviewerKind: 'human',
      interviewerId: user.id,
      scheduledAt,
      plan: { ...plan, title: plan.title.replace(/ practice$/, ' session') },
      engines: { ...engines, tts: 'The interviewer speaks' },
      turn: {
        phase: 'waiting',
        questionIndex: 0,
        questionCount: plan.questionIds.length,
        followUpsAsked: 0,
        answerId: null,
        answerStartedAtMs: null,
        currentPromptSeq: null,
      },
    });
    // The hash needs the id, so it is set right after the row exists (nobody knows the token before this returns).
    await this.interviews.setInviteHash(
      created.id,
      hashToken(this.token(created.id, 0)),
      invitationExpiry(scheduledAt),
    );
    return this.describe((await this.interviews.findById(created.id))!, true);
  }

  async get(user: User, id: string): Promise<HumanSession> {
    const { entity, access } = await this.interviewsService.findFor(user, id);
    if (entity.interviewerKind !== 'human') throw new NotFoundException('This interview has no human interviewer.');
    return this.describe(entity, access === 'interviewer' || access === 'admin');
  }

  private describe(entity: InterviewEntity, forInterviewer: boolean): HumanSession {
    const open = entity.candidateId === null && (entity.status === 'created' || entity.status === 'live');
    return {
      interview: toSummary(entity),
      media: entity.mediaState ?? {},
      scheduledAt: entity.scheduledAt?.toISOString() ?? null,
      invitePath: forInterviewer && open ? `/join/${this.token(entity.id, entity.inviteVersion)}` : null,
      inviteExpiresAt: forInterviewer && open ? (entity.inviteExpiresAt?.toISOString() ?? null) : null,
      candidateJoined: entity.candidateId !== null,
    };
  }

  private async byToken(token: string): Promise<InterviewEntity> {
    const entity = TOKEN.test(token) ? await this.interviews.findByInviteHash(hashToken(token)) : null;
    if (!entity) throw new NotFoundException('This invitation link is not valid. Ask your interviewer for a new one.');
    if (entity.inviteExpiresAt && entity.inviteExpiresAt.getTime() <= Date.now() && entity.candidateId === null) {
      throw new GoneException('This invitation link has expired. Ask your interviewer for a new one.');
    }
    return entity;
  }

  async invitation(user: User, token: string): Promise<InvitationInfo> {
    const entity = await this.byToken(token);
    return {
      interviewId: entity.id,
      title: entity.plan.title,
      interviewer: { name: entity.interviewer?.displayName ?? 'Your interviewer' },
      scheduledAt: entity.scheduledAt?.toISOString() ?? null,
      state: entity.candidateId === null ? 'open' : entity.candidateId === user.id ? 'yours' : 'taken',
    };
  }

  /**
   * A new invitation link, for the interviewer while nobody has accepted: the old link stops working at once, and the
   * new one has a fresh expiry.
   */
  async renewInvitation(user: User, id: string): Promise<HumanSession> {
    const { entity, access } = await this.interviewsService.findFor(user, id);
    if (entity.interviewerKind !== 'human') throw new NotFoundException('This interview has no human interviewer.');
    if (access !== 'interviewer' && access !== 'admin')
      throw new ForbiddenException('Only the interviewer can make a new invitation link.');
    if (entity.candidateId !== null)
      throw new ConflictException('A candidate has already joined this session: it needs no invitation.');
    if (entity.status === 'completed' || entity.status === 'abandoned')
      throw new ConflictException('This session has ended.');
    const version = entity.inviteVersion + 1;
    await this.interviews.setInviteHash(
      entity.id,
      hashToken(this.token(entity.id, version)),
      invitationExpiry(entity.scheduledAt),
      version,
    );
    return this.describe((await this.interviews.findById(entity.id))!, true);
  }

  async accept(user: User, token: string): Promise<InterviewSummary> {
    const entity = await this.byToken(token);
    if (entity.interviewerId === user.id)
      throw new BadRequestException('This is your own session: send the link to your candidate.');
    if (entity.candidateId === user.id) return toSummary(entity);
    if (entity.status === 'completed' || entity.status === 'abandoned')
      throw new ConflictException('This session has already ended.');
    if (entity.candidateId !== null || !(await this.interviews.acceptInvitation(entity.id, user.id))) {
      throw new ConflictException('Another candidate has already joined this session.');
    }
    return toSummary((await this.interviews.findById(entity.id))!);
  }
}
