import { AudioFrame, dispose } from '@livekit/rtc-node';
import type { HumanSession, InterviewSnapshot, Prompt, SocketError, TranscriptSegment } from '@mockroom/contracts';
import { AgentLink, ParticipantAudioPipe } from '@mockroom/server-agent';
import { mintAgentCredential } from '@mockroom/server-livekit';
import { concatPcm, LiveClient, silence, speakSentences, splitSentences } from '@mockroom/server-testing';
import { wordErrorRate } from '@mockroom/speech';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The LiveKit agent's audio path without a LiveKit server: AudioFrames of real speech as the agent's AudioStream
 * delivers them (it asks LiveKit for 16 kHz mono 20 ms frames) go through the agent's pipe and link into the API, and
 * come out as transcript segments with the right speaker. (Other rates and channel counts are resampled by the pipe:
 * libs/server/agent's own test.)
 */
const CANDIDATE_SAYS =
  'The server hashes the password with bcrypt and compares it to the stored hash. Then it sets a secure cookie.';
const INTERVIEWER_SAYS = 'Walk me through how sessions work.';

type Ack<T> = T | { error: SocketError };

/** Speech as the agent's AudioStream delivers it: 16 kHz mono frames of 20 ms. */
function livekitFrames(pcm: Int16Array): AudioFrame[] {
  const frames: AudioFrame[] = [];
  for (let i = 0; i + 320 <= pcm.length; i += 320) frames.push(new AudioFrame(pcm.slice(i, i + 320), 16_000, 1, 320));
  return frames;
}

async function play(frames: AudioFrame[], pipe: ParticipantAudioPipe, speed = 4): Promise<void> {
  const started = Date.now();
  for (const [i, frame] of frames.entries()) {
    pipe.push(frame);
    const wait = started + ((i + 1) * 20) / speed - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  }
  pipe.end();
}

describe('LiveKit agent audio path', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-agent-')),
    });
  });

  afterAll(async () => {
    await t?.close();
    // The native side keeps the process alive until released.
    await dispose();
  });

  async function account(name: string, role?: string) {
    const browser = new TestBrowser(t.baseUrl);
    expect(
      (await browser.signUp(uniqueEmail(name.toLowerCase().replace(/\W+/g, '-')), 'correct horse battery', name, role))
        .status,
    ).toBe(201);
    return browser;
  }

  /** A session with an accepted candidate, started from the interviewer's console socket. */
  async function startedSession(interviewerName: string, candidateName: string, questionId: string) {
    const interviewer = await account(interviewerName, 'interviewer');
    const candidate = await account(candidateName);
    const session = (await interviewer.post('/api/sessions', { questionIds: [questionId] })).body as HumanSession;
    const id = session.interview.id;
    await candidate.post(`/api/invitations/${session.invitePath!.split('/').pop()}/accept`);
    const console = new LiveClient(t.baseUrl, interviewer.cookieHeader());
    await console.connect();
    await console.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    await console.emitAck('interview:start');
    await console.emitAck('console:show', { kind: 'question', questionIndex: 0 });
    // The candidate's page, which says when its microphone reaches the session through the room.
    const candidatePage = new LiveClient(t.baseUrl, candidate.cookieHeader());
    await candidatePage.connect();
    await candidatePage.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    return { id, console, candidatePage };
  }

  it('turns AudioFrames of both participants into transcript segments with their speaker', async () => {
    const { id, console, candidatePage } = await startedSession(
      'Ana Interviewer',
      'Ben Candidate',
      'authentication-sessions-end-to-end',
    );
    // Both pages handed their microphones over to the room.
    expect(await console.emitAck('audio:route', 'room')).toEqual({ route: 'room' });
    expect(await candidatePage.emitAck('audio:route', 'room')).toEqual({ route: 'room' });

    const credential = mintAgentCredential(t.config.secret, id);
    const candidateLink = new AgentLink(t.baseUrl, credential);
    const interviewerLink = new AgentLink(t.baseUrl, credential);
    expect(await candidateLink.open(id, 'candidate', 'lk-candidate-track')).toEqual({
      streamId: 'lk-candidate-track',
      nextSeq: 0,
    });
    await interviewerLink.open(id, 'interviewer', 'lk-interviewer-track');
    const candidatePipe = new ParticipantAudioPipe((seq, frame) => candidateLink.send(seq, frame));
    const interviewerPipe = new ParticipantAudioPipe((seq, frame) => interviewerLink.send(seq, frame));

    await Promise.all([
      play(livekitFrames(concatPcm(silence(300), speakSentences(INTERVIEWER_SAYS), silence(8000))), interviewerPipe),
      play(livekitFrames(concatPcm(silence(2500), speakSentences(CANDIDATE_SAYS), silence(3000))), candidatePipe),
    ]);

    const said = async (speaker: string) => {
      await console.waitFor('transcript:segment', (s) => (s as TranscriptSegment).speaker === speaker, 60_000);
      await new Promise((r) => setTimeout(r, 1500)); // the rest of that speaker's segments
      return console
        .all('transcript:segment')
        .filter((s) => s.speaker === speaker)
        .sort((a, b) => a.seq - b.seq)
        .map((s) => s.text)
        .join(' ');
    };
    expect(wordErrorRate(CANDIDATE_SAYS, await said('candidate')).wer).toBeLessThan(0.6);
    expect(wordErrorRate(INTERVIEWER_SAYS, await said('interviewer')).wer).toBeLessThan(0.7);
    // The agent's frames are not relayed: LiveKit carries the voices.
    expect(console.all('audio:relay')).toHaveLength(0);

    candidateLink.close();
    interviewerLink.close();
    await console.emitAck('interview:end');
    console.close();
    candidatePage.close();
  });

  it("relays the room's audio to a participant who could not join the room, and only while they listen on the socket", async () => {
    // The interviewer fell back to the built-in transport: their browser streams over the socket.
    const { id, console, candidatePage } = await startedSession('Di Interviewer', 'Ed Candidate', 'rest-vs-graphql');
    await console.emitAck('audio:start', { streamId: 'console-built-in', sampleRate: 16_000 });
    // The candidate is in the LiveKit room: the agent brings their audio.
    await candidatePage.emitAck('audio:route', 'room');
    const link = new AgentLink(t.baseUrl, mintAgentCredential(t.config.secret, id));
    await link.open(id, 'candidate', 'lk-candidate-mic');
    const pipe = new ParticipantAudioPipe((seq, frame) => link.send(seq, frame));
    const speech = livekitFrames(concatPcm(speakSentences('I would cache the token.'), silence(500)));

    const interviewerTalks = console.streamPcm(silence(2500), { speed: 1 });
    await play(speech.slice(0, 75), pipe, 1);
    await interviewerTalks;
    const relayed = console.all('audio:relay').filter((r) => r.speaker === 'candidate').length;
    expect(relayed).toBeGreaterThanOrEqual(60);

    // The interviewer's browser joined the room too and handed over: nothing more is relayed.
    await console.emitAck('audio:route', 'room');
    const before = console.all('audio:relay').length;
    await play(speech.slice(75), pipe, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(console.all('audio:relay').length).toBe(before);

    link.close();
    await console.emitAck('interview:end');
    console.close();
    candidatePage.close();
  });

  it('takes a microphone one way at a time, so what is said is transcribed once, and says which way on request', async () => {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('route'));
    const created = await browser.post('/api/interviews', {
      questionIds: ['authentication-sessions-end-to-end', 'client-vs-server-logic'],
      maxFollowUps: 0,
      answerSilenceMs: 20_000,
      voice: 'browser',
    });
    const id = created.body.id as string;
    const page = new LiveClient(t.baseUrl, browser.cookieHeader());
    await page.connect();
    await page.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    await page.emitAck('interview:start');
    const first = (await page.waitFor('prompt')) as Prompt;
    page.socket.emit('prompt:played', first.seq);
    await page.emitAck('audio:start', { streamId: 'page-built-in', sampleRate: 16_000 });
    const link = new AgentLink(t.baseUrl, mintAgentCredential(t.config.secret, id));
    await link.open(id, 'candidate', 'lk-page-mic');
    const pipe = new ParticipantAudioPipe((seq, frame) => link.send(seq, frame));
    const candidateText = () => page.all('transcript:segment').filter((s) => s.speaker === 'candidate');
    const [firstSentence, secondSentence] = splitSentences(CANDIDATE_SAYS);
    /** One copy of what was said: the segments do not overlap in time (a second copy would), and read as the words. */
    const expectOneCopy = (segments: TranscriptSegment[], said: string) => {
      const sorted = [...segments].sort((a, b) => a.startMs - b.startMs);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i].startMs).toBeGreaterThanOrEqual(sorted[i - 1].endMs);
      expect(wordErrorRate(said, sorted.map((seg) => seg.text).join(' ')).wer).toBeLessThan(0.6);
    };

    // The page is still on the socket while the agent already hears the room: one copy is transcribed.
    const firstWords = concatPcm(silence(300), speakSentences(firstSentence), silence(1200));
    await Promise.all([page.streamPcm(firstWords, { speed: 2 }), play(livekitFrames(firstWords), pipe, 2)]);
    await page.waitFor('transcript:segment', (s) => s.speaker === 'candidate', 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const once = candidateText();
    expect(once.length).toBeGreaterThan(0);
    expectOneCopy(once, firstSentence);

    // Handed over: now the room's copy is the one taken, and a stray frame on the socket is not.
    expect(await page.emitAck('audio:route', 'room')).toEqual({ route: 'room' });
    const secondWords = concatPcm(speakSentences(secondSentence), silence(1200));
    await Promise.all([
      page.streamPcm(secondWords, { speed: 2, fromSeq: 200 }),
      play(livekitFrames(secondWords), pipe, 2),
    ]);
    await page.waitFor(
      'transcript:segment',
      (s) => s.speaker === 'candidate' && s.seq > Math.max(...once.map((o) => o.seq)),
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const twice = candidateText().slice(once.length);
    expectOneCopy(twice, secondSentence);

    // Only these two values, and never from the agent.
    expect(await page.emitAck('audio:route', 'sideways')).toMatchObject({ error: { code: 'bad-request' } });
    const agent = new LiveClient(t.baseUrl, '', {});
    agent.socket.auth = { agent: mintAgentCredential(t.config.secret, id) };
    await agent.connect();
    await agent.emitAck('interview:join', id);
    expect(await agent.emitAck('audio:route', 'socket')).toMatchObject({ error: { code: 'not-your-session' } });
    agent.close();

    link.close();
    await page.emitAck('interview:end');
    page.close();
  });

  it('lets an agent credential feed audio into its own interview only, and do nothing else', async () => {
    const interviewer = await account('Cy Interviewer', 'interviewer');
    const session = (await interviewer.post('/api/sessions', { questionIds: ['rest-vs-graphql'] }))
      .body as HumanSession;
    const other = (await interviewer.post('/api/sessions', { questionIds: ['rest-vs-graphql'] })).body as HumanSession;

    const link = new AgentLink(t.baseUrl, mintAgentCredential(t.config.secret, session.interview.id));
    await expect(link.open(other.interview.id, 'candidate', 'lk-elsewhere')).rejects.toThrow(/not-your-session/);
    link.close();

    const agent = new LiveClient(t.baseUrl, '', {});
    agent.socket.auth = { agent: mintAgentCredential(t.config.secret, session.interview.id) };
    await agent.connect();
    await agent.emitAck('interview:join', session.interview.id);
    expect(await agent.emitAck('audio:start', { streamId: 'lk-nobody', sampleRate: 16_000 })).toMatchObject({
      error: { code: 'bad-request' },
    });
    expect(await agent.emitAck('console:note', { questionIndex: 0, text: 'x', visibility: 'shared' })).toMatchObject({
      error: { code: 'not-interviewer' },
    });
    expect(await agent.emitAck('interview:start')).toMatchObject({ error: { code: 'not-interviewer' } });
    agent.close();

    const forged = new LiveClient(t.baseUrl, '', {});
    forged.socket.auth = {
      agent: mintAgentCredential('another-secret-that-is-at-least-32-chars', session.interview.id),
    };
    await expect(forged.connect()).rejects.toThrow(/invalid agent credential/);
    forged.close();
  });
});
