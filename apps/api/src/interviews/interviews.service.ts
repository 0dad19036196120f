import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EngineNames, InterviewSnapshot, InterviewSummary, User, VoiceSource } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { InterviewEntity, InterviewRepository } from '@mockroom/server-database';
import { engineKey } from '@mockroom/server-jobs';
import { REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { CreateInterviewDto } from './dto/create-interview.dto';
import { planInterview } from './interview-plan';
import { buildSnapshot, toSummary } from './interview-snapshot';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type InterviewAccess = 'candidate' | 'interviewer' | 'admin';

@Injectable()
export class InterviewsService {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly bank: QuestionBank,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  async create(user: User, request: CreateInterviewDto): Promise<InterviewSummary> {
    const engines = await this.engines();
    const defaultVoice: VoiceSource = engines.tts.startsWith('Browser') ? 'browser' : 'server';
    const plan = planInterview(this.bank, request, defaultVoice);
    const entity = await this.interviews.create({
      candidateId: user.id,
      interviewerKind: 'ai',
      plan,
      engines: plan.voice === 'browser' ? { ...engines, tts: 'Browser speech synthesis' } : engines,
      turn: { phase: 'waiting', questionIndex: 0, questionCount: plan.questionIds.length, followUpsAsked: 0, answerId: null, answerStartedAtMs: null, currentPromptSeq: null },
    });
    return toSummary({ ...entity, candidate: undefined });
  }

  async list(user: User): Promise<InterviewSummary[]> {
    return (await this.interviews.listForCandidate(user.id)).map(toSummary);
  }

  /** The interview if this user may see it (404 when it does not exist, 403 when it is someone else's). */
  async findFor(user: User, id: string): Promise<{ entity: InterviewEntity; access: InterviewAccess }> {
    const entity = UUID.test(id) ? await this.interviews.findById(id) : null;
    if (!entity) throw new NotFoundException(`No interview with id "${id.slice(0, 64)}".`);
    if (entity.candidateId === user.id) return { entity, access: 'candidate' };
    if (entity.interviewerId === user.id) return { entity, access: 'interviewer' };
    if (user.role === 'admin') return { entity, access: 'admin' };
    throw new ForbiddenException('This interview belongs to someone else.');
  }

  async snapshot(entity: InterviewEntity, turn = entity.turn): Promise<InterviewSnapshot> {
    const [prompts, segments, answers] = await Promise.all([
      this.interviews.listPrompts(entity.id),
      this.interviews.listSegments(entity.id),
      this.interviews.listAnswers(entity.id),
    ]);
    return buildSnapshot(entity, turn, prompts, segments, answers);
  }

  async reload(id: string): Promise<InterviewEntity> {
    const entity = await this.interviews.findById(id);
    if (!entity) throw new NotFoundException(`No interview with id "${id}".`);
    return entity;
  }

  async promptAudio(entity: InterviewEntity, seq: number): Promise<string> {
    const prompt = Number.isInteger(seq) && seq >= 0 ? await this.interviews.findPrompt(entity.id, seq) : null;
    if (!prompt?.audioPath) throw new NotFoundException(`No audio for prompt ${seq} of this interview.`);
    return prompt.audioPath;
  }

  /** The engines the worker reported at start-up (it owns them). */
  async engines(): Promise<EngineNames> {
    const reported = await this.redis.get(engineKey(this.config));
    if (reported) return JSON.parse(reported) as EngineNames;
    return { stt: 'not reported (is the worker running?)', tts: 'not reported', assessment: 'not reported' };
  }
}
