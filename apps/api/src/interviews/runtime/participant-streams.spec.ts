import { AUDIO_FRAME_SAMPLES, type Speaker } from '@mockroom/contracts';
import type { Utterance } from './audio-stream';
import { type ParticipantAudioHooks, ParticipantStreams } from './participant-streams';
import { fakeStreamsDeps, tone } from './runtime-fakes';

/**
 * The audio of a live interview, whoever interviews, on its own: typed fakes for the recordings table and the live
 * channel, the real media storage in a folder of its own, and a session that records what it is told.
 */

const INTERVIEW = '0b6c1f7e-4c55-4a8e-9d0e-6f5b2a3c4d5e';

class FakeSession implements ParticipantAudioHooks {
  /** Whose utterances may travel to the worker while spoken. */
  readonly streaming = new Set<Speaker>(['candidate', 'interviewer']);
  readonly utterances: { speaker: Speaker; utterance: Utterance }[] = [];
  readonly started: { speaker: Speaker; liveKey: string }[] = [];
  readonly problems: string[] = [];
  onUtterance(speaker: Speaker, utterance: Utterance): void {
    this.utterances.push({ speaker, utterance });
  }
  mayStream(speaker: Speaker): boolean {
    return this.streaming.has(speaker);
  }
  onStreaming(speaker: Speaker, live: { startMs: number; liveKey: string }): void {
    this.started.push({ speaker, liveKey: live.liveKey });
  }
  onRecordingProblem(problem: { code: string; message: string }): void {
    this.problems.push(problem.code);
  }
}

function setUp() {
  const deps = fakeStreamsDeps();
  const session = new FakeSession();
  const logger = { log: () => undefined, warn: () => undefined };
  const audio = new ParticipantStreams(deps, INTERVIEW, session, logger);
  const seqs = new Map<string, number>();
  /** Sends `pcm` on a stream as 20 ms frames; the interview's clock follows the frames. */
  const send = (speaker: Speaker, streamId: string, pcm: Int16Array) => {
    const results = [];
    for (let i = 0; i < pcm.length / AUDIO_FRAME_SAMPLES; i++) {
      const seq = seqs.get(streamId) ?? 0;
      seqs.set(streamId, seq + 1);
      const frame = pcm.subarray(i * AUDIO_FRAME_SAMPLES, (i + 1) * AUDIO_FRAME_SAMPLES);
      results.push(audio.push(speaker, streamId, seq, frame, 1000 + seq * 20));
    }
    return results;
  };
  const quiet = (frames: number) => new Int16Array(frames * AUDIO_FRAME_SAMPLES);
  return { deps, session, audio, send, quiet, logger };
}

describe('the audio of a live interview', () => {
  let env: ReturnType<typeof setUp>;
  beforeEach(() => (env = setUp()));
  afterEach(() => env.deps.dispose());

  it('hears each participant on their own streams, tells the session whose words these are, and keeps a recording each', async () => {
    const { audio, send, quiet, session, deps } = env;
    await audio.open('candidate', 'cand-1', false, true);
    await audio.open('interviewer', 'int-1', false, true);
    send('interviewer', 'int-1', tone(40));
    send('interviewer', 'int-1', quiet(60));
    send('candidate', 'cand-1', tone(50));
    send('candidate', 'cand-1', quiet(60));
    expect(session.utterances.map((u) => u.speaker)).toEqual(['interviewer', 'candidate']);
    expect(session.started.map((s) => s.speaker)).toEqual(['interviewer', 'candidate']);
    // Each utterance travelled whole to the worker under its own key.
    for (const [i, { utterance }] of session.utterances.entries()) {
      expect(utterance.streamed).toBe(true);
      expect(deps.liveAudio.audioOf(session.started[i].liveKey)).toEqual(utterance.pcm);
    }
    await audio.closeAll();
    const rows = await deps.interviews.listRecordings(INTERVIEW);
    expect(rows.map((r) => [r.speaker, r.streamId]).sort()).toEqual([
      ['candidate', 'cand-1'],
      ['interviewer', 'int-1'],
    ]);
    expect(rows.find((r) => r.speaker === 'interviewer')!.durationMs).toBe(100 * 20);
    expect(rows.find((r) => r.speaker === 'candidate')!.durationMs).toBe(110 * 20);
    expect(await deps.media.size(rows.find((r) => r.speaker === 'candidate')!.path)).toBe(
      110 * AUDIO_FRAME_SAMPLES * 2,
    );
    expect(audio.has('candidate', 'cand-1')).toBe(false);
  });

  it('keeps an utterance back while the session says not now', async () => {
    const { audio, send, quiet, session, deps } = env;
    session.streaming.delete('candidate');
    await audio.open('candidate', 'cand-1', false, true);
    send('candidate', 'cand-1', tone(40));
    send('candidate', 'cand-1', quiet(60));
    expect(session.started).toEqual([]);
    expect(deps.liveAudio.calls).toEqual([]);
    expect(session.utterances[0].utterance.streamed).toBe(false);
  });

  it('takes a participant’s audio one way only: the room through the agent, or the browser’s socket', async () => {
    const { audio, send } = env;
    await audio.open('candidate', 'browser', false, true);
    await audio.open('candidate', 'agent', true, true);
    // Over the socket until the browser says the room carries it.
    expect(send('candidate', 'browser', tone(1))[0].accepted).toBe(true);
    expect(send('candidate', 'agent', tone(1))[0].accepted).toBe(false);
    audio.setRoute('candidate', 'room');
    expect(audio.inRoom('candidate')).toBe(true);
    expect(send('candidate', 'browser', tone(1))[0].accepted).toBe(false);
    expect(send('candidate', 'agent', tone(1))[0].accepted).toBe(true);
    // The other participant's way is their own.
    expect(audio.inRoom('interviewer')).toBe(false);
    // The browser opening its socket stream again means the socket again.
    await audio.open('candidate', 'browser', false, true);
    expect(audio.inRoom('candidate')).toBe(false);
  });

  it('acknowledges every half second of frames, and drops a resent frame', async () => {
    const { audio, send } = env;
    await audio.open('candidate', 'cand-1', false, true);
    const results = send('candidate', 'cand-1', env.quiet(60));
    expect(results.filter((r) => r.ackSeq !== null).map((r) => r.ackSeq)).toEqual([24, 49]);
    expect(audio.push('candidate', 'cand-1', 10, env.quiet(1), 2000)).toEqual({
      accepted: false,
      ackSeq: null,
      refused: 'duplicate',
    });
    expect(audio.push('candidate', 'nobody', 0, env.quiet(1), 2000).accepted).toBe(false);
  });

  it('closes a participant’s oldest stream beyond their limit, with its recording', async () => {
    const { audio, send, deps } = env;
    const limit = deps.config.audio.streamsPerSpeaker;
    for (let n = 0; n <= limit; n++) {
      await audio.open('candidate', `cand-${n}`, false, true);
      send('candidate', `cand-${n}`, env.quiet(10));
    }
    expect(audio.has('candidate', 'cand-0')).toBe(false);
    expect(audio.has('candidate', `cand-${limit}`)).toBe(true);
    // The other participant's streams do not count against the candidate's.
    await audio.open('interviewer', 'int-0', false, true);
    expect(audio.has('candidate', 'cand-1')).toBe(true);
    // Closed in the background: its recording's length is stored once the file is written out.
    let closed = await deps.interviews.findRecording(INTERVIEW, 'candidate', 'cand-0');
    for (let i = 0; i < 100 && !closed?.durationMs; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      closed = await deps.interviews.findRecording(INTERVIEW, 'candidate', 'cand-0');
    }
    expect(closed?.durationMs).toBe(10 * 20);
  });

  it('takes up a stream recorded before a restart where its recording ends', async () => {
    const { audio, send, deps, session, logger } = env;
    await audio.open('candidate', 'cand-1', false, true);
    send('candidate', 'cand-1', env.quiet(100));
    await audio.closeAll();
    // A new owner of the interview: same recordings, fresh memory.
    const again = new ParticipantStreams(deps, INTERVIEW, session, logger);
    await again.restore();
    expect(await again.open('candidate', 'cand-1', false, true)).toEqual({ streamId: 'cand-1', nextSeq: 100 });
    // Before the interview starts, nothing is taken up.
    expect(await again.open('candidate', 'cand-2', false, false)).toEqual({ streamId: 'cand-2', nextSeq: 0 });
  });

  it('tells the session once when the recording cannot be written, and keeps the audio flowing', async () => {
    const { deps, session, logger } = env;
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const media = { ...deps.media, appendStream: () => Promise.reject(full) };
    media.relativePath = deps.media.relativePath.bind(deps.media);
    const audio = new ParticipantStreams({ ...deps, media }, INTERVIEW, session, logger);
    await audio.open('candidate', 'cand-1', false, true);
    for (let seq = 0; seq < 200; seq++) {
      expect(audio.push('candidate', 'cand-1', seq, tone(1), 1000 + seq * 20).accepted).toBe(true);
      if (seq % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(session.problems).toEqual(['recording-failed']);
  });
});
