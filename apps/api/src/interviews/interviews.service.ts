import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type {
  EngineNames,
  InterviewPlan,
  InterviewSnapshot,
  InterviewSummary,
  PromptVoice,
  User,
  VoiceSource,
} from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import {
  CodeRunRepository,
  InterviewEntity,
  InterviewFilters,
  InterviewRepository,
  ResumeRepository,
} from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import { assessmentOptions, engineKey } from '@mockroom/server-interviews';
import { phraseClaimQuestionsWithLlm } from '@mockroom/assessment';
import { SessionAudio } from '@mockroom/server-interviews';
import { REDIS } from '@mockroom/server-queue';
import { decodeWav, floatToInt16, mixToMono } from '@mockroom/speech';
import type IORedis from 'ioredis';
import { readFile } from 'node:fs/promises';
import { CreateInterviewDto } from './dto/create-interview.dto';
import { InterviewListQueryDto } from './dto/interview-list-query.dto';
import { planInterview } from './interview-plan';
import { tailorPlan, type TailoringSources } from './tailored-plan';
import { buildSnapshot, toSummary } from './interview-snapshot';
import { isUUID } from 'class-validator';

/** How a user may see an interview: `shared` is read-only access to a finished interview's review. */
export type InterviewAccess = 'candidate' | 'interviewer' | 'admin' | 'shared';

const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` day as the UTC midnight it starts at; a 400 for days that do not exist. */
function day(value: string, field: string): Date {
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new BadRequestException(`${field} is not a real date: ${value}`);
  return date;
}

@Injectable()
export class InterviewsService {
  private readonly logger = new Logger(InterviewsService.name);

  constructor(
    private readonly interviews: InterviewRepository,
    private readonly codeRuns: CodeRunRepository,
    private readonly resumes: ResumeRepository,
    private readonly media: MediaStorage,
    private readonly audio: SessionAudio,
    private readonly bank: QuestionBank,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  async create(user: User, request: CreateInterviewDto): Promise<InterviewSummary> {
    const engines = await this.engines();
    const defaultVoice: VoiceSource = engines.tts.startsWith('Browser') ? 'browser' : 'server';
    const tailored = Boolean(request.resumeId || request.jobDescriptionId);
    const sources = tailored ? await this.tailoringSources(user, request) : null;
    const plan: InterviewPlan = sources
      ? await this.phrased(tailorPlan(this.bank, request, sources, defaultVoice), sources)
      : {
          ...planInterview(this.bank, request, defaultVoice),
          chosenByCandidate: Boolean(request.trackId || request.questionIds),
        };
    const entity = await this.interviews.create({
      resumeId: request.resumeId ?? null,
      jobDescriptionId: request.jobDescriptionId ?? null,
      candidateId: user.id,
      interviewerKind: 'ai',
      plan,
      engines: plan.voice === 'browser' ? { ...engines, tts: 'Browser speech synthesis' } : engines,
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
    return toSummary({ ...entity, candidate: undefined });
  }

  /** The candidate's own résumé and job description for a tailored interview (404 for anyone else's). */
  private async tailoringSources(
    user: User,
    request: CreateInterviewDto,
  ): Promise<TailoringSources & { mayUseLlm: boolean }> {
    const resume = request.resumeId ? await this.resumes.findResume(user.id, request.resumeId) : null;
    if (request.resumeId && !resume) throw new NotFoundException('No résumé of yours with that id.');
    const job = request.jobDescriptionId ? await this.resumes.findJob(user.id, request.jobDescriptionId) : null;
    if (request.jobDescriptionId && !job) throw new NotFoundException('No job description of yours with that id.');
    const why = !this.config.openai
      ? 'no language model is configured'
      : resume && !resume.llmConsent
        ? 'you did not agree to send this résumé to the language model'
        : null;
    return {
      resume: resume && { fileName: resume.fileName, profile: resume.editedProfile ?? resume.profile },
      job: job && { title: job.title, profile: job.profile },
      phrasingNote: `Phrased offline from templates: ${why ?? 'the language model was not asked'}.`,
      mayUseLlm: why === null,
    };
  }

  /**
   * With a language model configured and the owner's agreement, the model words the claim questions (only the claims
   * are sent); on any failure the templates' wording stays, and the plan says why.
   */
  private async phrased(
    plan: InterviewPlan,
    sources: TailoringSources & { mayUseLlm: boolean },
  ): Promise<InterviewPlan> {
    const tailoring = plan.tailoring;
    if (!tailoring?.claims.length || !sources.mayUseLlm) return plan;
    const { apiKey, baseURL, model } = assessmentOptions(this.config);
    const result = await phraseClaimQuestionsWithLlm(tailoring.claims, {
      llm: { apiKey, baseURL, model, timeoutMs: 15_000, maxRetries: 0 },
      level: plan.level,
    });
    if (result.fallbackReason) this.logger.warn(`claim questions from the templates: ${result.fallbackReason}`);
    return {
      ...plan,
      tailoring: {
        ...tailoring,
        claims: result.value,
        phrasing:
          result.source === 'llm'
            ? { by: 'llm', note: null }
            : {
                by: 'templates',
                note: `Phrased offline from templates: the language model failed (${result.fallbackReason}).`,
              },
      },
    };
  }

  /** The interviews a user took, ran, or was shared, newest first. */
  async list(user: User, query: InterviewListQueryDto = {}): Promise<InterviewSummary[]> {
    const filters: InterviewFilters = { trackId: query.trackId };
    if (query.from) filters.from = day(query.from, 'from');
    if (query.to) filters.toExclusive = new Date(day(query.to, 'to').getTime() + DAY_MS);
    if (filters.from && filters.toExclusive && filters.from >= filters.toExclusive)
      throw new BadRequestException('from must not be after to');
    return (await this.interviews.listVisibleTo(user.id, filters)).map(toSummary);
  }

  /**
   * Deletes an interview, as its owner would expect. An AI interview is the candidate's: they (or an admin) delete it
   * with its transcript, scores and recordings. A human session is its interviewer's: they (or an admin) delete it
   * whole; its candidate removes it from their own history, and their recording with it, while the interviewer keeps
   * the session, its transcript, notes and scores. Returns what was done.
   */
  async remove(user: User, id: string): Promise<'deleted' | 'removed-from-history'> {
    const { entity, access } = await this.findFor(user, id);
    const human = entity.interviewerId !== null;
    const owner = access === 'admin' || (human ? access === 'interviewer' : access === 'candidate');
    if (!owner && !(human && access === 'candidate')) {
      throw new ForbiddenException(
        human ? 'Only the interviewer can delete this session.' : 'Only the candidate can delete this interview.',
      );
    }
    if (entity.status === 'live')
      throw new ConflictException('This interview is still running: end it before deleting it.');
    if (owner) {
      await this.interviews.delete(entity.id);
      await this.media.deleteInterview(entity.id);
      this.logger.log(
        `interview ${entity.id} deleted by ${access === 'admin' ? `admin ${user.id}` : access === 'interviewer' ? 'its interviewer' : 'its candidate'}`,
      );
      return 'deleted';
    }
    const recordings = await this.interviews.removeCandidate(entity.id);
    if (recordings) {
      await Promise.all(recordings.map((r) => this.media.remove(r.path)));
      // The session's mix holds the candidate's voice: made again without it when the interviewer next listens.
      await this.audio.discard(entity.id);
      this.logger.log(`interview ${entity.id}: its candidate removed it from their history, with their recording`);
    }
    return 'removed-from-history';
  }

  /**
   * Deletes an ended interview in which the candidate said nothing at all (no transcribed or typed word) and wrote no
   * code, with its media; true when it did.
   */
  async discardIfEmpty(entity: InterviewEntity): Promise<boolean> {
    const segments = await this.interviews.listSegments(entity.id);
    if (segments.some((s) => s.speaker === 'candidate' && s.text.trim().length > 0)) return false;
    if (await this.codeRuns.anyCode(entity.id)) return false;
    await this.interviews.delete(entity.id);
    await this.media.deleteInterview(entity.id);
    this.logger.log(`interview ${entity.id} ended with nothing said: not kept`);
    return true;
  }

  /** The interview if this user may see it (404 when it does not exist, 403 when it is someone else's). */
  async findFor(user: User, id: string): Promise<{ entity: InterviewEntity; access: InterviewAccess }> {
    const entity = isUUID(id) ? await this.interviews.findById(id) : null;
    if (!entity) throw new NotFoundException(`No interview with id "${id.slice(0, 64)}".`);
    // A candidate who removed a session from their history no longer has it.
    if (entity.candidateId === user.id && entity.candidateRemovedAt)
      throw new NotFoundException(`No interview with id "${id.slice(0, 64)}".`);
    if (entity.candidateId === user.id) return { entity, access: 'candidate' };
    if (entity.interviewerId === user.id) return { entity, access: 'interviewer' };
    if (user.role === 'admin') return { entity, access: 'admin' };
    // Shared with the address of an interviewer's account, and only once the interview is over (nothing of a live one).
    const finished = entity.status === 'completed' || entity.status === 'abandoned';
    if (finished && user.role === 'interviewer' && (await this.interviews.isSharedWith(entity.id, user.email)))
      return { entity, access: 'shared' };
    throw new ForbiddenException('This interview belongs to someone else.');
  }

  /**
   * Everything so far. For the candidate of an interview not over yet, the plan names only the questions already
   * asked (the next ones are not theirs to read ahead), unless they chose the questions themselves; and in a human session the scores are left out: the candidate
   * sees them in the review, not while the interviewer is still judging.
   */
  async snapshot(entity: InterviewEntity, turn = entity.turn, forCandidate = false): Promise<InterviewSnapshot> {
    const running = entity.status === 'created' || entity.status === 'live';
    const hideScores = forCandidate && entity.interviewerKind === 'human' && running;
    const [prompts, segments, answers] = await Promise.all([
      this.interviews.listPrompts(entity.id),
      this.interviews.listSegments(entity.id),
      hideScores ? Promise.resolve([]) : this.interviews.listAnswers(entity.id),
    ]);
    const snapshot = buildSnapshot(entity, turn, prompts, segments, answers);
    if (forCandidate && running && !(entity.interviewerKind === 'ai' && entity.plan.chosenByCandidate)) {
      const asked = prompts.reduce((n, p) => (p.kind === 'question' ? Math.max(n, p.questionIndex + 1) : n), 0);
      snapshot.plan = { ...snapshot.plan, questionIds: snapshot.plan.questionIds.slice(0, asked) };
    }
    return { ...snapshot, livekit: this.config.livekit !== null };
  }

  /** The interview as stored now, or null when it is gone. */
  find(id: string): Promise<InterviewEntity | null> {
    return this.interviews.findById(id);
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

  /** A prompt's voice as mono 16-bit samples at its own rate (what the media agent speaks into a LiveKit room). */
  async promptVoice(interviewId: string, seq: number): Promise<PromptVoice> {
    const entity = await this.reload(interviewId);
    const path = await this.promptAudio(entity, seq);
    const wav = decodeWav(await readFile(this.media.absolute(path)));
    const samples = floatToInt16(mixToMono(wav.channelData));
    return {
      seq,
      sampleRate: wav.sampleRate,
      pcm: Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength),
    };
  }

  /** The engines the worker reported at start-up (it owns them). */
  async engines(): Promise<EngineNames> {
    const reported = await this.redis.get(engineKey(this.config));
    if (reported) return JSON.parse(reported) as EngineNames;
    return { stt: 'not reported (is the worker running?)', tts: 'not reported', assessment: 'not reported' };
  }
}
