import { HttpException, Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  AUDIO_FRAME_BYTES,
  CodeDocView,
  CodePoint,
  AudioStreamAccepted,
  InterviewerNote,
  InterviewerScore,
  interviewerRoom,
  interviewRoom,
  InterviewSnapshot,
  LIVE_NAMESPACE,
  Participant,
  ParticipantRole,
  Prompt,
  PromptVoice,
  QuestionChecklist,
  SocketError,
  TranscriptSegment,
  TurnState,
} from '@mockroom/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { SocketData, socketAuthMiddleware } from '../realtime/socket-auth.middleware';
import { InterviewsService } from './interviews.service';
import { FRAME_REFUSALS, type FrameResult } from './runtime/audio-limits';
import { HumanSessionRuntime, SessionCommandError } from './runtime/human-session-runtime';
import { InterviewRuntime } from './runtime/interview-runtime';
import {
  DISCARDED_MESSAGE,
  InterviewRuntimes,
  LEASE_TTL_MS,
  LiveRuntime,
  OwnedElsewhere,
} from './runtime/interview-runtimes.service';
import { LiveRelay, type LiveSocket, RelayTimeoutError, RemoteSocket } from './relay/live-relay';
import { KindOf, LiveActor, LiveEvent, LiveKind, parsePayload, PayloadOf, refusalFor } from './live-events';
import { payloadProblem } from '../common/payload-shape';
import { isUUID } from 'class-validator';

interface LiveSocketData extends SocketData {
  interviewId?: string;
  /** Whether this socket counts towards keeping the interview's runtime loaded. */
  counted?: boolean;
  streamId?: string;
  /** In a human session: which side of the table this socket is on (its audio is labelled so). */
  role?: ParticipantRole;
  lastErrorAt?: number;
  /** Another API process owns the interview this socket joined: its events are relayed there. */
  relayTo?: string;
}

type Reply<T> = T | { error: SocketError };
/** The runtime of an interview of this kind. */
type RuntimeOf<K extends LiveKind> = K extends 'human' ? HumanSessionRuntime : InterviewRuntime;

/** Repeated bad frames produce one error event per second, not fifty. */
const ERROR_EVERY_MS = 1000;
/** The room of one sign-in's sockets. */
const authRoom = (sessionId: string) => `auth:${sessionId}`;
/** How often a process relaying sockets checks that the interview's owner still holds it. */
const OWNER_CHECK_MS = 1000;
/** How often an owner looks for relayed sockets whose process died (they keep an interview loaded until let go). */
const RELAYED_SWEEP_MS = 30_000;
/** Ending an interview waits for its scores: its relayed call may take this long. */
const END_RELAY_TIMEOUT_MS = 60_000;
/** A join relayed to an owner that does not answer this soon finds the owner dead (or hung) and waits for its lease. */
const JOIN_RELAY_TIMEOUT_MS = 3000;

/**
 * The live-interview socket. Every connection is authenticated from the session cookie; every event checks that the
 * socket joined an interview that belongs to its user. Mistakes get an `error` event (and an error ack), never a crash.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class InterviewGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(InterviewGateway.name);
  private namespace: Namespace | null = null;
  /** Shutting down: sockets disconnecting now need no presence updates (Redis may be gone). */
  private stopping = false;
  private sessionCheck: NodeJS.Timeout | null = null;
  private ownerCheck: NodeJS.Timeout | null = null;
  private relayedSweep: NodeJS.Timeout | null = null;
  /** Interviews owned by another process whose sockets connected here are relayed to it: by interview, that owner. */
  private readonly relayedTo = new Map<string, string>();

  constructor(
    private readonly auth: AuthService,
    private readonly service: InterviewsService,
    private readonly runtimes: InterviewRuntimes,
    private readonly relay: LiveRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every client event, by name: what the Nest handlers below do for a socket of this process, the relay does for a
   * socket of another process whose interview this process owns.
   */
  private readonly events: Record<string, (socket: LiveSocket, args: unknown[]) => unknown> = {
    'interview:join': (socket, [id]) => this.join(socket, id),
    'interview:start': (socket) => this.start(socket),
    'interview:end': (socket) => this.end(socket),
    'audio:start': (socket, [body]) => this.audioStart(socket, body),
    'audio:route': (socket, [route]) => this.audioRoute(socket, route),
    'audio:frame': (socket, [seq, pcm]) => this.onFrame(socket, seq, pcm),
    'answer:done': (socket) => this.answerDone(socket),
    'answer:text': (socket, [body]) => this.typedAnswer(socket, body),
    'prompt:played': (socket, [seq]) => this.promptPlayed(socket, seq),
    'prompt:interrupted': (socket, args) => this.promptInterrupted(socket, args.length > 1 ? args : args[0]),
    'agent:prompt-voice': (socket, [seq]) => this.promptVoice(socket, seq),
    'console:show': (socket, [command]) => this.show(socket, command),
    'console:rubric': (socket, [command]) => this.rubric(socket, command),
    'console:score': (socket, [command]) => this.score(socket, command),
    'console:note': (socket, [command]) => this.note(socket, command),
    'code:state': (socket, [questionId]) => this.codeState(socket, questionId),
    'code:sync': (socket, [sync]) => this.codeSync(socket, sync),
    'code:point': (socket, [point]) => this.codePoint(socket, point),
  };

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use(socketAuthMiddleware(this.auth, this.config.secret));
    this.runtimes.attach(namespace);
    // A socket lives no longer than its sign-in: closed at sign-out (on every API instance, through the adapter),
    // and when a periodic check finds its session expired or revoked.
    this.auth.onSessionEnded((sessionId) =>
      this.endSession(namespace.in(authRoom(sessionId)), 'signed-out', 'You signed out in this browser.'),
    );
    this.sessionCheck = setInterval(() => void this.checkSessions(), this.config.auth.socketSessionCheckMs);
    this.sessionCheck.unref();
    // Events of other processes' sockets, for the interviews this process owns.
    void this.relay.serve(
      namespace,
      (event, socket, args) => {
        const handler = this.events[event];
        return handler
          ? handler(socket, args)
          : this.fail(socket, 'bad-request', `Unknown event ${event.slice(0, 50)}.`, event.slice(0, 50));
      },
      (socket) => this.handleDisconnect(socket),
    );
    this.ownerCheck = setInterval(() => void this.checkOwners(), OWNER_CHECK_MS);
    this.ownerCheck.unref();
    this.relayedSweep = setInterval(
      () =>
        void this.relay.sweep().catch((error: Error) => this.logger.warn(`sweeping relayed sockets: ${error.message}`)),
      RELAYED_SWEEP_MS,
    );
    this.relayedSweep.unref();
  }

  handleConnection(socket: Socket): void {
    const { authSessionId } = socket.data as SocketData;
    if (authSessionId) void socket.join(authRoom(authSessionId));
    // A message nested too deeply or holding a NUL is refused before any handler (and any state) sees it.
    socket.use((packet, next) => {
      const [event, ...args] = packet as [string, ...unknown[]];
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : null;
      const problem = payloadProblem(args);
      if (problem) {
        const reply = this.fail(socket, 'bad-request', `The message ${problem}.`, String(event).slice(0, 50));
        ack?.(reply);
        return;
      }
      // The interview is owned by another process: everything but a (re)join goes there.
      const owner = (socket.data as LiveSocketData).relayTo;
      if (!owner || event === 'interview:join' || event === 'whoami') return next();
      if (event === 'audio:frame') return this.relay.frame(owner, socket, args);
      this.relay.call(owner, socket, event, args, event === 'interview:end' ? END_RELAY_TIMEOUT_MS : undefined).then(
        (reply) => ack?.(reply),
        (error: Error) => {
          this.logger.warn(error.message);
          ack?.(
            this.fail(socket, 'server-busy', 'The server is busy; try again in a moment.', String(event).slice(0, 50)),
          );
        },
      );
    });
    // The audio hot path skips Nest's per-message pipeline: fifty frames a second per candidate.
    socket.on('audio:frame', (seq: unknown, pcm: unknown) => this.onFrame(socket, seq, pcm));
  }

  onModuleDestroy(): void {
    this.stopping = true;
    if (this.sessionCheck) clearInterval(this.sessionCheck);
    if (this.ownerCheck) clearInterval(this.ownerCheck);
    if (this.relayedSweep) clearInterval(this.relayedSweep);
  }

  /**
   * Sockets relayed to an owner that no longer holds the interview (it died and its lease lapsed, or it handed over)
   * are disconnected: they join again, and the join finds the interview's owner now (or makes this process it).
   */
  private async checkOwners(): Promise<void> {
    if (!this.namespace || this.stopping) return;
    for (const [interviewId, owner] of [...this.relayedTo]) {
      try {
        const sockets = (await this.namespace.in(interviewRoom(interviewId)).local.fetchSockets()).filter(
          (s) => (s.data as LiveSocketData).relayTo === owner,
        );
        if (!sockets.length) {
          this.relayedTo.delete(interviewId);
          continue;
        }
        const holder = await this.runtimes.leases.holder(interviewId);
        if (holder?.owner === owner) continue;
        this.logger.warn(
          `interview ${interviewId}: its owner ${owner} no longer holds it; its sockets here join again`,
        );
        this.relayedTo.delete(interviewId);
        for (const socket of sockets) {
          (socket.data as LiveSocketData).relayTo = undefined;
          socket.disconnect();
        }
      } catch (error) {
        this.logger.warn(`checking the owner of ${interviewId}: ${(error as Error).message}`);
      }
    }
  }

  /** Tells the sockets why, then closes them (the client does not reconnect after a server's disconnect). */
  private endSession(
    target: {
      emit: (event: 'error', error: SocketError) => unknown;
      disconnectSockets?: (close: boolean) => void;
      disconnect?: (close: boolean) => unknown;
    },
    code: string,
    message: string,
  ): void {
    target.emit('error', { code, message, event: 'session' });
    if (target.disconnectSockets) target.disconnectSockets(true);
    else target.disconnect?.(true);
  }

  /** This instance's sockets whose session has ended since they connected are closed. */
  private async checkSessions(): Promise<void> {
    if (!this.namespace || this.stopping) return;
    const sockets = [...this.namespace.sockets.values()].filter((s) => (s.data as SocketData).authSessionId);
    if (!sockets.length) return;
    try {
      const live = await this.auth.liveSessions([...new Set(sockets.map((s) => (s.data as SocketData).authSessionId))]);
      for (const socket of sockets) {
        if (!live.has((socket.data as SocketData).authSessionId))
          this.endSession(socket, 'session-expired', 'Your sign-in has expired. Sign in again to continue.');
      }
    } catch (error) {
      this.logger.warn(`checking live sockets' sessions: ${(error as Error).message}`);
    }
  }

  handleDisconnect(socket: LiveSocket): void {
    const { interviewId, counted, role, relayTo } = socket.data as LiveSocketData;
    if (relayTo && !(socket instanceof RemoteSocket)) this.relay.disconnected(relayTo, socket as Socket);
    if (interviewId && counted) this.runtimes.left(interviewId);
    if (interviewId && role) void this.presence(interviewId);
  }

  /** Who is connected to a human session (across API instances, through the adapter), sent to its room. */
  private async presence(interviewId: string): Promise<void> {
    if (!this.namespace || this.stopping) return;
    try {
      const sockets = await this.namespace.in(interviewRoom(interviewId)).fetchSockets();
      const entity = await this.service.reload(interviewId);
      if (this.stopping) return;
      const connected = new Set(sockets.map((s) => (s.data as LiveSocketData).user?.id));
      const participants: Participant[] = [];
      if (entity.interviewerId)
        participants.push({
          userId: entity.interviewerId,
          name: entity.interviewer?.displayName ?? 'Interviewer',
          role: 'interviewer',
          connected: connected.has(entity.interviewerId),
        });
      if (entity.candidateId)
        participants.push({
          userId: entity.candidateId,
          name: entity.candidate?.displayName ?? 'Candidate',
          role: 'candidate',
          connected: connected.has(entity.candidateId),
        });
      this.namespace.to(interviewRoom(interviewId)).emit('presence', participants);
    } catch (error) {
      this.logger.warn(`presence of ${interviewId}: ${(error as Error).message}`);
    }
  }

  @SubscribeMessage('whoami')
  whoami(@ConnectedSocket() socket: LiveSocket): { userId: string; role: string } {
    const { user } = socket.data as LiveSocketData;
    return { userId: user.id, role: user.role };
  }

  @SubscribeMessage('interview:join')
  async join(@ConnectedSocket() socket: LiveSocket, @MessageBody() id: unknown): Promise<Reply<InterviewSnapshot>> {
    const data = socket.data as LiveSocketData;
    if (typeof id !== 'string' || !isUUID(id))
      return this.fail(socket, 'bad-request', 'interview:join needs an interview id.', 'interview:join');
    try {
      if (data.agentFor !== undefined) return await this.joinAsAgent(socket, id);
      const { entity, access } = await this.service.findFor(data.user, id);
      if (access === 'shared')
        return this.fail(
          socket,
          'not-your-session',
          'A shared review is read-only: it cannot be joined.',
          'interview:join',
        );
      if (access !== 'candidate' && entity.interviewerKind === 'ai') {
        return this.fail(
          socket,
          'not-your-session',
          'Only the candidate takes part in an AI interview.',
          'interview:join',
        );
      }
      if (entity.interviewerKind === 'human' && access === 'admin') {
        return this.fail(
          socket,
          'not-your-session',
          'Only the interviewer and the invited candidate take part in this session.',
          'interview:join',
        );
      }
      const role: ParticipantRole | undefined =
        entity.interviewerKind === 'human' ? (access === 'interviewer' ? 'interviewer' : 'candidate') : undefined;
      // Relayed for another interview until now: its owner lets go of this socket.
      if (data.relayTo && data.interviewId !== id && !(socket instanceof RemoteSocket))
        this.relay.disconnected(data.relayTo, socket as Socket);
      if (data.interviewId && data.interviewId !== id) {
        await socket.leave(interviewerRoom(data.interviewId));
        if (data.role) void this.presence(data.interviewId);
      }
      data.role = role;
      if (data.interviewId !== id) {
        if (data.interviewId) {
          await socket.leave(interviewRoom(data.interviewId));
          if (data.counted) this.runtimes.left(data.interviewId);
        }
        await socket.join(interviewRoom(id));
        data.interviewId = id;
        data.counted = false;
      }
      if (role === 'interviewer') await socket.join(interviewerRoom(id));
      data.relayTo = undefined;
      if (entity.status === 'created' || entity.status === 'live') {
        let runtime: LiveRuntime;
        try {
          runtime = data.counted ? await this.runtimes.get(id) : await this.runtimes.joined(id);
        } catch (error) {
          if (error instanceof OwnedElsewhere) return await this.relayJoin(socket, id, error.owner);
          throw error;
        }
        data.counted = true;
        const current = await this.service.reload(id);
        if (runtime.kind === 'human') {
          if (current.candidateId) runtime.candidateJoined(current.candidateId);
          void this.presence(id);
          if (role === 'interviewer') socket.emit('console:state', await runtime.consoleState());
        }
        return this.service.snapshot(current, runtime.turn, access === 'candidate');
      }
      return this.service.snapshot(entity);
    } catch (error) {
      return this.failFrom(socket, error, 'interview:join');
    }
  }

  /**
   * Another process owns the interview: the socket stays here, in the interview's rooms (the owner's events reach it
   * through the adapter), and its join and every later event go to the owner. A socket relayed to this process is never
   * relayed on (the owner it was sent to has lost the interview meanwhile): it is told to try again.
   */
  private async relayJoin(socket: LiveSocket, id: string, owner: string): Promise<Reply<InterviewSnapshot>> {
    if (socket instanceof RemoteSocket)
      return this.fail(
        socket,
        'server-busy',
        'The interview is moving between servers; try again in a moment.',
        'interview:join',
      );
    let reply: Reply<InterviewSnapshot>;
    try {
      reply = (await this.relay.call(
        owner,
        socket as Socket,
        'interview:join',
        [id],
        JOIN_RELAY_TIMEOUT_MS,
      )) as Reply<InterviewSnapshot>;
    } catch (error) {
      if (!(error instanceof RelayTimeoutError)) throw error;
      // The owner does not answer: once its lease lapses (it stopped renewing), the interview is free to take here.
      this.logger.warn(`interview ${id}: its owner ${owner} does not answer; waiting for its lease to lapse`);
      const deadline = Date.now() + LEASE_TTL_MS + 1000;
      while (Date.now() < deadline && (await this.runtimes.leases.holder(id))?.owner === owner)
        await new Promise((r) => setTimeout(r, 250));
      if ((await this.runtimes.leases.holder(id))?.owner === owner)
        return this.fail(
          socket,
          'server-busy',
          'The server running this interview does not answer; try again in a moment.',
          'interview:join',
        );
      return this.join(socket, id);
    }
    if (!('error' in reply)) {
      (socket.data as LiveSocketData).relayTo = owner;
      this.relayedTo.set(id, owner);
    }
    return reply;
  }

  /** The media agent feeds the audio of the one interview its credential names; it takes no other part. */
  private async joinAsAgent(socket: LiveSocket, id: string): Promise<Reply<InterviewSnapshot>> {
    const data = socket.data as LiveSocketData;
    if (id !== data.agentFor)
      return this.fail(socket, 'not-your-session', 'This agent credential is for another interview.', 'interview:join');
    const entity = await this.service.reload(id);
    if (entity.status !== 'created' && entity.status !== 'live')
      return this.fail(socket, 'session-ended', 'This interview has ended.', 'interview:join');
    if (data.interviewId !== id) {
      await socket.join(interviewRoom(id));
      data.interviewId = id;
      data.counted = false;
    }
    data.relayTo = undefined;
    let runtime: LiveRuntime;
    try {
      runtime = data.counted ? await this.runtimes.get(id) : await this.runtimes.joined(id);
    } catch (error) {
      if (error instanceof OwnedElsewhere) return await this.relayJoin(socket, id, error.owner);
      throw error;
    }
    data.counted = true;
    return this.service.snapshot(await this.service.reload(id), runtime.turn, true);
  }

  @SubscribeMessage('interview:start')
  async start(@ConnectedSocket() socket: LiveSocket): Promise<Reply<TurnState>> {
    const asked = this.authorize(socket, 'interview:start', []);
    if ('error' in asked) return asked;
    const { runtime } = asked;
    if (runtime.ended) return this.fail(socket, 'session-ended', 'This interview has ended.', 'interview:start');
    return this.command(socket, 'interview:start', () => runtime.start());
  }

  @SubscribeMessage('audio:start')
  async audioStart(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<Reply<AudioStreamAccepted>> {
    const asked = this.authorize(socket, 'audio:start', [body]);
    if ('error' in asked) return asked;
    const { runtime, actor, payload } = asked;
    if (runtime.ended) return this.fail(socket, 'session-ended', 'This interview has ended.', 'audio:start');
    const data = socket.data as LiveSocketData;
    const human = runtime.kind === 'human';
    if (actor === 'agent') {
      // The agent says whose audio this is: each participant's track comes on its own socket.
      const allowed: ParticipantRole[] = human ? ['candidate', 'interviewer'] : ['candidate'];
      if (!allowed.includes(payload.speaker as ParticipantRole)) {
        return this.fail(
          socket,
          'bad-request',
          `The agent must say whose audio it sends: ${allowed.join(' or ')}.`,
          'audio:start',
        );
      }
      data.role = payload.speaker as ParticipantRole;
    }
    const viaAgent = actor === 'agent';
    try {
      const accepted = await runtime.startStream(payload.streamId, voiceOf(data), viaAgent);
      data.streamId = payload.streamId;
      return accepted;
    } catch (error) {
      if (error instanceof SessionCommandError) return this.fail(socket, error.code, error.message, 'audio:start');
      return this.failFrom(socket, error, 'audio:start');
    }
  }

  /** A participant's browser says which way its microphone reaches the interview now (LiveKit's room, or this socket). */
  @SubscribeMessage('audio:route')
  audioRoute(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() route: unknown,
  ): Reply<{ route: 'room' | 'socket' }> {
    const asked = this.authorize(socket, 'audio:route', [route]);
    if ('error' in asked) return asked;
    const { runtime, actor, payload } = asked;
    runtime.setRoute(actor as ParticipantRole, payload);
    return { route: payload };
  }

  @SubscribeMessage('answer:done')
  async answerDone(@ConnectedSocket() socket: LiveSocket): Promise<Reply<{ ok: true }>> {
    const asked = this.authorize(socket, 'answer:done', []);
    if ('error' in asked) return asked;
    await asked.runtime.answerDone();
    return { ok: true };
  }

  /** A typed answer, for a candidate without a (working) microphone or who prefers the keyboard. */
  @SubscribeMessage('answer:text')
  typedAnswer(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<Reply<TranscriptSegment>> | Reply<TranscriptSegment> {
    const asked = this.authorize(socket, 'answer:text', [body]);
    if ('error' in asked) return asked;
    const { runtime, payload } = asked;
    return this.command(socket, 'answer:text', () => runtime.typedAnswer(payload));
  }

  /** The candidate's browser, or with LiveKit the agent that spoke the prompt into the room: it has been heard. */
  @SubscribeMessage('prompt:played')
  promptPlayed(@ConnectedSocket() socket: LiveSocket, @MessageBody() seq: unknown): void {
    const asked = this.authorize(socket, 'prompt:played', [seq]);
    if (!('error' in asked)) asked.runtime.promptPlayed(asked.payload);
  }

  /** The media agent speaks the AI interviewer's prompts into the LiveKit room: it fetches each one's voice here. */
  @SubscribeMessage('agent:prompt-voice')
  async promptVoice(@ConnectedSocket() socket: LiveSocket, @MessageBody() seq: unknown): Promise<Reply<PromptVoice>> {
    const asked = this.authorize(socket, 'agent:prompt-voice', [seq]);
    if ('error' in asked) return asked;
    try {
      return await this.service.promptVoice(asked.runtime.id, asked.payload);
    } catch (error) {
      return this.failFrom(socket, error, 'agent:prompt-voice');
    }
  }

  /** The candidate's page, or with LiveKit the agent whose voice in the room was talked over. */
  @SubscribeMessage('prompt:interrupted')
  promptInterrupted(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): void {
    // Sent as (seq) or (seq, atMs); Nest hands several arguments over as one array.
    const asked = this.authorize(socket, 'prompt:interrupted', Array.isArray(body) ? body : [body]);
    if (!('error' in asked)) asked.runtime.promptInterrupted(asked.payload.seq, asked.payload.atMs);
  }

  @SubscribeMessage('interview:end')
  async end(@ConnectedSocket() socket: LiveSocket): Promise<Reply<InterviewSnapshot>> {
    const asked = this.authorize(socket, 'interview:end', []);
    if ('error' in asked) return asked;
    const { runtime } = asked;
    try {
      await runtime.end();
      const entity = await this.service.find(runtime.id);
      if (!entity) return this.fail(socket, 'interview-discarded', DISCARDED_MESSAGE, 'interview:end');
      return await this.service.snapshot(entity, runtime.turn);
    } catch (error) {
      return this.failFrom(socket, error, 'interview:end');
    }
  }

  @SubscribeMessage('console:show')
  show(@ConnectedSocket() socket: LiveSocket, @MessageBody() command: unknown): Promise<Reply<Prompt>> | Reply<Prompt> {
    const asked = this.authorize(socket, 'console:show', [command]);
    if ('error' in asked) return asked;
    return this.command(socket, 'console:show', () => asked.runtime.show(asked.payload));
  }

  @SubscribeMessage('console:rubric')
  rubric(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() command: unknown,
  ): Promise<Reply<QuestionChecklist>> | Reply<QuestionChecklist> {
    const asked = this.authorize(socket, 'console:rubric', [command]);
    if ('error' in asked) return asked;
    return this.command(socket, 'console:rubric', () => asked.runtime.override(asked.payload));
  }

  @SubscribeMessage('console:score')
  score(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() command: unknown,
  ): Promise<Reply<InterviewerScore>> | Reply<InterviewerScore> {
    const asked = this.authorize(socket, 'console:score', [command]);
    if ('error' in asked) return asked;
    return this.command(socket, 'console:score', () => asked.runtime.score(asked.payload));
  }

  @SubscribeMessage('console:note')
  note(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() command: unknown,
  ): Promise<Reply<InterviewerNote>> | Reply<InterviewerNote> {
    const asked = this.authorize(socket, 'console:note', [command]);
    if ('error' in asked) return asked;
    return this.command(socket, 'console:note', () => asked.runtime.note(asked.payload));
  }

  /** A coding question's editor, whole: the candidate edits it, a human interviewer watches it. */
  @SubscribeMessage('code:state')
  codeState(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() questionId: unknown,
  ): Promise<Reply<CodeDocView>> | Reply<CodeDocView> {
    const asked = this.authorize(socket, 'code:state', [questionId]);
    if ('error' in asked) return asked;
    const { runtime, payload } = asked;
    return this.command(socket, 'code:state', () => runtime.codeState(payload));
  }

  @SubscribeMessage('code:sync')
  codeSync(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() sync: unknown,
  ): Promise<Reply<{ atMs: number }>> | Reply<{ atMs: number }> {
    const asked = this.authorize(socket, 'code:sync', [sync]);
    if ('error' in asked) return asked;
    const { runtime, payload } = asked;
    return this.command(socket, 'code:sync', async () => runtime.codeSync(payload));
  }

  @SubscribeMessage('code:point')
  codePoint(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() point: unknown,
  ): Promise<Reply<CodePoint>> | Reply<CodePoint> {
    const asked = this.authorize(socket, 'code:point', [point]);
    if ('error' in asked) return asked;
    const { runtime, payload } = asked;
    return this.command(socket, 'code:point', () => runtime.codePoint(payload));
  }

  /** Runs a session command; a refusal becomes an error event and an error reply. */
  private async command<T>(socket: LiveSocket, event: string, work: () => Promise<T>): Promise<Reply<T>> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SessionCommandError) return this.fail(socket, error.code, error.message, event);
      return this.failFrom(socket, error, event);
    }
  }

  private onFrame(socket: LiveSocket, seq: unknown, pcm: unknown): void {
    const data = socket.data as LiveSocketData;
    const runtime = data.interviewId ? this.runtimes.peek(data.interviewId) : null;
    if (!data.interviewId || !runtime)
      return void this.fail(socket, 'not-joined', 'Join an interview before sending audio.', 'audio:frame', true);
    const human = runtime.kind === 'human';
    const actor = this.actorOf(socket, runtime);
    const refusal = refusalFor('audio:frame', runtime.kind, actor);
    if (refusal) return void this.fail(socket, refusal.code, refusal.message, 'audio:frame', true);
    const agent = actor === 'agent';
    if (runtime.ended)
      return void this.fail(
        socket,
        'session-ended',
        'This interview has ended; audio is no longer accepted.',
        'audio:frame',
        true,
      );
    if (!data.streamId || !runtime.hasStream(data.streamId, voiceOf(data)))
      return void this.fail(socket, 'no-stream', 'Send audio:start before audio frames.', 'audio:frame', true);
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
      return void this.fail(
        socket,
        'bad-frame',
        'Each frame needs a sequence number (an integer from 0).',
        'audio:frame',
        true,
      );
    }
    const bytes = toBuffer(pcm);
    if (!bytes || bytes.length !== AUDIO_FRAME_BYTES) {
      return void this.fail(
        socket,
        'bad-frame',
        `Audio frames must be ${AUDIO_FRAME_BYTES} bytes (20 ms of 16 kHz mono 16-bit PCM); got ${bytes ? `${bytes.length} bytes` : typeof pcm}.`,
        'audio:frame',
        true,
      );
    }
    // Int16Array needs an even byte offset; socket.io may hand us a slice of a larger buffer.
    const samples =
      bytes.byteOffset % 2 === 0
        ? new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2)
        : new Int16Array(Uint8Array.from(bytes).buffer);
    let result: FrameResult;
    try {
      result = runtime.pushFrame(data.streamId, voiceOf(data), seq, samples);
    } catch (error) {
      // A fault of ours on one frame (it is a bug) costs that frame, never the process and everyone's interviews.
      this.logger.error(`audio frame ${seq} of ${data.interviewId}: ${(error as Error).stack ?? String(error)}`);
      return void this.fail(
        socket,
        'internal-error',
        'Part of your audio could not be processed; the interview goes on.',
        'audio:frame',
        true,
      );
    }
    const { accepted, ackSeq, refused } = result;
    if (refused && refused !== 'duplicate')
      return void this.fail(socket, refused, FRAME_REFUSALS[refused], 'audio:frame', true);
    if (ackSeq !== null) socket.emit('audio:ack', { streamId: data.streamId, seq: ackSeq });
    // Built-in transport: the other side hears it (a resent duplicate is not played twice). Audio the agent brings
    // from the LiveKit room is relayed only while the other side listens over the socket (it could not join the
    // room); browsers never play their own role's voice.
    if (human && accepted && (!agent || runtime.relaysRoomAudioOf(data.role!)))
      socket.to(interviewRoom(data.interviewId)).emit('audio:relay', { speaker: data.role!, pcm: bytes });
  }

  /** The runtime of the interview this socket joined (not checked for role). */
  private joinedRuntime(socket: LiveSocket, event: string): LiveRuntime | { error: SocketError } {
    const data = socket.data as LiveSocketData;
    const runtime = data.interviewId ? this.runtimes.peek(data.interviewId) : null;
    if (!data.interviewId) return this.fail(socket, 'not-joined', 'Join an interview first.', event);
    if (!runtime) return this.fail(socket, 'session-ended', 'This interview is not live.', event);
    return runtime;
  }

  /** Who this socket is in the interview `runtime` runs: its candidate, its interviewer, the media agent, or nobody. */
  private actorOf(socket: LiveSocket, runtime: LiveRuntime): LiveActor | null {
    const data = socket.data as LiveSocketData;
    if (data.agentFor !== undefined) return 'agent';
    if (runtime.kind === 'human') return data.role ?? null;
    return runtime.candidateId === data.user.id ? 'candidate' : null;
  }

  /**
   * Who may send `event` and what it may carry, from the table of live events: the runtime of the interview this
   * socket joined (of the kind the event belongs to), who the socket is there, and the payload checked; or the refusal,
   * sent as an error event too.
   */
  private authorize<E extends LiveEvent>(
    socket: LiveSocket,
    event: E,
    args: readonly unknown[],
  ): { runtime: RuntimeOf<KindOf<E>>; actor: LiveActor; payload: PayloadOf<E> } | { error: SocketError } {
    const runtime = this.joinedRuntime(socket, event);
    if ('error' in runtime) return runtime;
    const actor = this.actorOf(socket, runtime);
    const refusal = refusalFor(event, runtime.kind, actor);
    if (refusal) return this.fail(socket, refusal.code, refusal.message, event);
    const parsed = parsePayload(event, args);
    if ('refusal' in parsed) return this.fail(socket, parsed.refusal.code, parsed.refusal.message, event);
    // The row said which kinds of interview the event belongs to, and the refusal above checked this one against it.
    return { runtime: runtime as RuntimeOf<KindOf<E>>, actor: actor as LiveActor, payload: parsed.value };
  }

  private failFrom(socket: LiveSocket, error: unknown, event: string): { error: SocketError } {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = status === 404 ? 'not-found' : status === 403 ? 'not-your-session' : 'bad-request';
      return this.fail(socket, code, error.message, event);
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return this.fail(socket, 'internal', 'Something went wrong on our side.', event);
  }

  private fail(
    socket: LiveSocket,
    code: string,
    message: string,
    event: string,
    throttle = false,
  ): { error: SocketError } {
    const error: SocketError = { code, message, event };
    const data = socket.data as LiveSocketData;
    const now = Date.now();
    if (!throttle || !data.lastErrorAt || now - data.lastErrorAt >= ERROR_EVERY_MS) {
      data.lastErrorAt = now;
      socket.emit('error', error);
    }
    return { error };
  }
}

/**
 * Whose voice a socket's audio is: its participant's in a human session (for the media agent, the one it named at
 * audio:start), the candidate's in an AI interview.
 */
function voiceOf(data: LiveSocketData): ParticipantRole {
  return data.role ?? 'candidate';
}

function toBuffer(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  // Checked by tag, not instanceof: the buffer may come from another realm.
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') return Buffer.from(value as ArrayBuffer);
  return null;
}
