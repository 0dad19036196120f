import { AudioFrame, dispose } from '@livekit/rtc-node';
import type {
  AudioStreamAccepted,
  HumanSession,
  InterviewSnapshot,
  Prompt,
  SocketError,
  TurnState,
} from '@mockroom/contracts';
import { AgentLink, InterviewerVoice, type VoiceOutput } from '@mockroom/server-agent';
import { mintAgentCredential } from '@mockroom/server-livekit';
import { concatPcm, LiveClient, silence, speakSentences } from '@mockroom/server-testing';
import { decodeWav } from '@mockroom/speech';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The AI interviewer's voice over LiveKit, without a LiveKit server: the agent's InterviewerVoice joins the interview
 * with its credential, takes each prompt's voice from the API and speaks it into what would be the room's audio
 * source (here one that keeps the frames and plays them out at a set pace), tells the server when the prompt was heard,
 * and stops when the candidate talks over it.
 */
type Ack<T> = T | { error: SocketError };

const RATE = 48_000;

/** An audio source that plays its queue out `speed` times faster than real time and keeps every frame it was given. */
class PacedOutput implements VoiceOutput {
  readonly sampleRate = RATE;
  readonly frames: AudioFrame[] = [];
  cleared = 0;
  /** What had been given when the queue was last cleared. */
  secondsAtClear = 0;
  private playedUntil = 0;

  constructor(private readonly speed: number) {}

  get seconds(): number {
    return this.frames.reduce((sum, f) => sum + f.samplesPerChannel, 0) / RATE;
  }

  async captureFrame(frame: AudioFrame): Promise<void> {
    this.frames.push(frame);
    const now = Date.now();
    this.playedUntil =
      Math.max(this.playedUntil, now) + (frame.samplesPerChannel / frame.sampleRate) * (1000 / this.speed);
    // Like AudioSource: returns while less than ~100 ms is queued.
    const ahead = this.playedUntil - now - 100 / this.speed;
    if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
  }

  clearQueue(): void {
    this.cleared++;
    this.secondsAtClear = this.seconds;
    this.playedUntil = Date.now();
  }

  async waitForPlayout(): Promise<void> {
    const left = this.playedUntil - Date.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

describe('LiveKit agent: the AI interviewer speaks into the room', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-voice-')),
    });
  });

  afterAll(async () => {
    await t?.close();
    await dispose();
  });

  async function aiInterview() {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('voice'));
    const created = await browser.post('/api/interviews', {
      questionIds: ['rest-vs-graphql', 'client-vs-server-logic'],
      maxFollowUps: 0,
      answerSilenceMs: 2500,
      voice: 'server',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id);
    return { browser, live, id };
  }

  function agentVoice(id: string, speed: number, audience: { here: boolean } = { here: true }) {
    const link = new AgentLink(t.baseUrl, mintAgentCredential(t.config.secret, id));
    const output = new PacedOutput(speed);
    const played = jest.spyOn(link, 'played');
    return { link, output, played, voice: new InterviewerVoice(link, output, undefined, () => audience.here) };
  }

  /** The agent leaves, the candidate ends the interview. */
  async function finish(agent: ReturnType<typeof agentVoice>, live: LiveClient): Promise<void> {
    agent.voice.stop();
    agent.link.close();
    await live.emitAck('interview:end');
    live.close();
  }

  it("speaks each prompt's voice into the room and tells the server it was heard, which opens the answer", async () => {
    const { live, id, browser } = await aiInterview();
    const agent = agentVoice(id, 8);
    await agent.voice.start(id);
    expect(await live.emitAck<Ack<TurnState>>('interview:start')).toMatchObject({ phase: 'prompting' });
    const first = (await live.waitFor('prompt')) as Prompt;

    // The candidate's browser sends no prompt:played: the agent's is what moves the turn on.
    const listening = (await live.waitFor('interview:state', (s) => s.phase === 'listening', 60_000)) as TurnState;
    expect(listening.currentPromptSeq).toBe(first.seq);
    expect(agent.played).toHaveBeenCalledWith(first.seq);
    expect(agent.output.cleared).toBe(0);

    // What went into the room is the prompt's own voice: as long as its WAV, resampled to 48 kHz, and not silence.
    const audio = (await live.waitFor('prompt:audio', (a) => a.seq === first.seq)) as { audioUrl: string };
    const wav = decodeWav(
      Buffer.from(
        await (
          await fetch(`${t.baseUrl}${audio.audioUrl}`, { headers: { cookie: browser.cookieHeader() } })
        ).arrayBuffer(),
      ),
    );
    expect(agent.output.seconds).toBeGreaterThan((wav.frames / wav.sampleRate) * 0.98);
    expect(agent.output.seconds).toBeLessThan((wav.frames / wav.sampleRate) * 1.02 + 0.02);
    expect(agent.output.frames.every((f) => f.sampleRate === RATE && f.channels === 1)).toBe(true);
    const peak = Math.max(...agent.output.frames.map((f) => Math.max(...f.data.map(Math.abs))));
    expect(peak).toBeGreaterThan(3000);

    await finish(agent, live);
  });

  it('stops speaking as soon as the candidate talks over it, and does not claim the prompt was heard', async () => {
    const { live, id } = await aiInterview();
    const agent = agentVoice(id, 1);
    await agent.voice.start(id);
    await live.emitAck('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    const accepted = await live.emitAck<Ack<AudioStreamAccepted>>('audio:start', {
      streamId: 'barge-in-stream',
      sampleRate: 16_000,
    });
    expect(accepted).toMatchObject({ nextSeq: 0 });

    // The candidate starts answering while the interviewer is still speaking.
    for (let waited = 0; agent.output.seconds < 0.6 && waited < 60_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    expect(agent.voice.speaking).toBe(first.seq);
    await live.streamPcm(
      concatPcm(speakSentences('I would start with the data model and the clients.'), silence(500)),
      { speed: 1 },
    );

    await live.waitFor('interview:state', (s) => s.phase === 'listening', 10_000);
    expect(agent.output.cleared).toBe(1);
    expect(agent.voice.speaking).toBeNull();
    const spoken = agent.output.seconds;
    const full =
      ((await live.waitFor('prompt:audio', (a) => a.seq === first.seq)) as { audioDurationMs: number })
        .audioDurationMs / 1000;
    expect(spoken).toBeLessThan(full - 0.5);
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.output.seconds).toBe(spoken);
    expect(agent.played).not.toHaveBeenCalled();

    await finish(agent, live);
  });

  it('goes on from the sentence it was in when what talked over it was only a hum, and is heard to the end', async () => {
    const { live, id } = await aiInterview();
    const agent = agentVoice(id, 1);
    const interrupted = jest.spyOn(agent.link, 'interrupted');
    await agent.voice.start(id);
    await live.emitAck('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await live.emitAck<Ack<AudioStreamAccepted>>('audio:start', { streamId: 'hum-stream', sampleRate: 16_000 });
    // Three seconds into the greeting the candidate hums along: voiced, long enough to take the turn by its length
    // (the server cannot wait for words that never come), but no words.
    for (let waited = 0; agent.output.seconds < 3 && waited < 60_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    const hum = Int16Array.from({ length: 16 * 1800 }, (_, i) =>
      Math.round(
        6000 * Math.sin((2 * Math.PI * 140 * i) / 16_000) * (0.6 + 0.4 * Math.sin((2 * Math.PI * 3 * i) / 16_000)),
      ),
    );
    const sent = await live.streamPcm(concatPcm(hum, silence(1500)), { speed: 1 });
    expect(sent).toBeGreaterThan(0);

    // The voice stopped and said where; the hum's words (none, or a stray one) give the turn back.
    const resume = (await live.waitFor('prompt:resume', () => true, 30_000)) as { seq: number; fromMs: number };
    expect(resume.seq).toBe(first.seq);
    expect(interrupted).toHaveBeenCalledTimes(1);
    const stoppedAt = interrupted.mock.calls[0][1];
    expect(interrupted.mock.calls[0][0]).toBe(first.seq);
    expect(stoppedAt).toBeGreaterThan(2500);
    expect(resume.fromMs).toBeLessThanOrEqual(stoppedAt);
    expect(agent.output.cleared).toBe(1);
    const before = agent.output.secondsAtClear;

    // The agent speaks the rest from the sentence's start, and this time the prompt is heard to its end.
    await live.waitFor(
      'interview:state',
      (s) => s.phase === 'listening' && live.all('prompt:resume').length === 1 && agent.played.mock.calls.length > 0,
      60_000,
    );
    expect(agent.played).toHaveBeenCalledWith(first.seq);
    const full =
      ((await live.waitFor('prompt:audio', (a) => a.seq === first.seq)) as { audioDurationMs: number })
        .audioDurationMs / 1000;
    const again = agent.output.seconds - before;
    expect(again).toBeGreaterThan(full - resume.fromMs / 1000 - 0.1);
    expect(again).toBeLessThan(full - resume.fromMs / 1000 + 0.1);

    await finish(agent, live);
  }, 90_000);

  it('says nothing to a room the candidate is not in (their page plays the prompt itself), and speaks once they are', async () => {
    const { live, id } = await aiInterview();
    const audience = { here: false };
    const agent = agentVoice(id, 8, audience);
    await agent.voice.start(id);
    await live.emitAck('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await live.waitFor('prompt:audio', (a) => a.seq === first.seq, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(agent.output.frames).toHaveLength(0);
    expect(agent.played).not.toHaveBeenCalled();
    expect(live.all('interview:state').at(-1)?.phase).toBe('prompting');

    audience.here = true;
    agent.voice.audienceChanged();
    await live.waitFor('interview:state', (s) => s.phase === 'listening', 30_000);
    expect(agent.played).toHaveBeenCalledWith(first.seq);

    await finish(agent, live);
  });

  it('gives prompt voices only to the agent of that AI interview', async () => {
    const { live, id } = await aiInterview();
    await live.emitAck('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await live.waitFor('prompt:audio', (a) => a.seq === first.seq, 60_000);

    // A browser, even the candidate's own, asks for audio over HTTP; this event is the agent's.
    expect(await live.emitAck('agent:prompt-voice', first.seq)).toMatchObject({ error: { code: 'not-your-session' } });

    const link = new AgentLink(t.baseUrl, mintAgentCredential(t.config.secret, id));
    await link.join(id);
    const voice = await link.promptVoice(first.seq);
    expect(voice.sampleRate).toBeGreaterThanOrEqual(8000);
    expect(voice.pcm.length).toBeGreaterThan(voice.sampleRate); // more than a second of speech
    await expect(link.promptVoice(first.seq + 50)).rejects.toThrow(/not-found/);
    await expect(link.promptVoice(-1)).rejects.toThrow(/bad-request/);
    link.close();

    // An agent credential for a human session gets no AI voice.
    const interviewer = new TestBrowser(t.baseUrl);
    await interviewer.signUp(uniqueEmail('voice-lead'), 'correct horse battery', 'Lead', 'interviewer');
    const session = (await interviewer.post('/api/sessions', { questionIds: ['rest-vs-graphql'] }))
      .body as HumanSession;
    const human = new AgentLink(t.baseUrl, mintAgentCredential(t.config.secret, session.interview.id));
    await human.join(session.interview.id);
    await expect(human.promptVoice(0)).rejects.toThrow(/bad-request/);
    human.close();

    await live.emitAck('interview:end');
    live.close();
  });
});
