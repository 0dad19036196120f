import { AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { FrameBudget, participantBudget, RecordedTime, RecordingQuota, StreamAdmission } from './audio-limits';
import { tone } from './runtime-fakes';
import { AudioStream, type AudioPathHooks, type Utterance } from './audio-stream';

const LIMITS = {
  streamsPerSpeaker: 4,
  newStreamsPerMinute: 30,
  maxRate: 1.25,
  burstMs: 12_000,
  maxRecordingMinutes: 180,
};
const FRAME = new Int16Array(AUDIO_FRAME_SAMPLES);

const frameOf = (pcm: Int16Array, i: number) => pcm.subarray(i * AUDIO_FRAME_SAMPLES, (i + 1) * AUDIO_FRAME_SAMPLES);

/** A sink that records what the stream would write, without files. */
function sink(): AudioPathHooks & { written: () => number } {
  let bytes = 0;
  const file = {
    write: (chunk: Buffer) => {
      bytes += chunk.length;
      return true;
    },
    end: (done: () => void) => done(),
    on: () => file,
    destroyed: false,
  };
  return {
    onUtterance: () => undefined,
    openRecording: async () => file as never,
    written: () => bytes,
  };
}

describe('FrameBudget', () => {
  it('allows a burst, then real time, on the wall clock', () => {
    const budget = new FrameBudget(1.25 / 20, 600, 0);
    let taken = 0;
    while (budget.take(1, 0)) taken++;
    expect(taken).toBe(600);
    // One second later: 62 more frames (1.25 × 50), not more.
    let later = 0;
    while (budget.take(1, 1000)) later++;
    expect(later).toBe(62);
    // Never more than the burst, however long it was idle.
    expect(budget.available(3_600_000)).toBe(600);
  });
});

describe('AudioStream limits', () => {
  it('fills a gap with silence only as far as real time allows: one frame is not minutes of recording', async () => {
    const out = sink();
    const quota = RecordingQuota.from(LIMITS);
    const stream = new AudioStream('s1', out, 600, {
      budget: new FrameBudget(1.25 / 20, 600, 0),
      quota,
      allowance: new RecordedTime(1.25 / 20, 600),
    });
    expect(stream.push(0, FRAME, 0, 0)).toBe('taken');
    // A burst of frames each skipping 499 numbers, all at once: only the first gap fits the budget.
    for (let i = 1; i <= 100; i++) stream.push(i * 500, FRAME, 0, 0);
    await stream.close();
    const seconds = out.written() / 32_000;
    expect(seconds).toBeLessThanOrEqual(12.1);
    expect(seconds).toBeGreaterThan(0);
  });

  it("refuses frames beyond the rate, and beyond the interview's recording space", () => {
    const flood = new AudioStream('s2', sink(), 600, {
      budget: new FrameBudget(1.25 / 20, 600, 0),
      quota: RecordingQuota.from(LIMITS),
      allowance: new RecordedTime(1.25 / 20, 600),
    });
    const results = Array.from({ length: 700 }, (_, seq) => flood.push(seq, FRAME, 0, 0));
    expect(results.filter((r) => r === 'taken')).toHaveLength(600);
    expect(results.at(-1)).toBe('too-fast');
    expect(flood.push(3, FRAME, 0, 10_000)).toBe('duplicate');

    const full = new RecordingQuota(100);
    const capped = new AudioStream('s3', sink(), 600, {
      budget: new FrameBudget(1000, 10_000, 0),
      quota: full,
      allowance: new RecordedTime(1.25 / 20, 600),
    });
    const capResults = Array.from({ length: 150 }, (_, seq) => capped.push(seq, FRAME, 0, 0));
    expect(capResults.filter((r) => r === 'taken')).toHaveLength(100);
    expect(capResults.at(-1)).toBe('recording-full');
  });

  it('keeps going when the recording file fails to write, and opens it again', async () => {
    let opened = 0;
    const errors: string[] = [];
    const listeners: ((error: Error) => void)[] = [];
    const file = {
      write: () => true,
      end: (done: () => void) => done(),
      on: (_event: string, listener: (error: Error) => void) => {
        listeners.push(listener);
        return file;
      },
      destroy: () => undefined,
      destroyed: false,
    };
    const stream = new AudioStream(
      's4',
      {
        onUtterance: () => undefined,
        openRecording: async () => (opened++, file as never),
        onRecordingError: (_s, e) => errors.push(e.message),
      },
      600,
      {
        budget: new FrameBudget(1000, 100_000, 0),
        quota: RecordingQuota.from(LIMITS),
        allowance: new RecordedTime(1.25 / 20, 600),
      },
    );
    for (let seq = 0; seq < 60; seq++) stream.push(seq, FRAME, 0, 0);
    await new Promise((r) => setImmediate(r));
    expect(opened).toBe(1);
    listeners[0](Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    expect(errors).toEqual(['ENOSPC: no space left on device']);
    await stream.close();
    expect(opened).toBe(2);
  });
});

describe('AudioStream on the clock', () => {
  it('keeps the recording and the segments on the clock across an offline period longer than the resend', async () => {
    const segments: Utterance[] = [];
    const out = { ...sink(), onUtterance: (_: AudioStream, u: Utterance) => void segments.push(u) };
    const stream = new AudioStream('gap', out, 600, {
      budget: new FrameBudget(1.25 / 20, 600, 0),
      quota: RecordingQuota.from(LIMITS),
      allowance: new RecordedTime(1.25 / 20, 600),
    });
    // One second of speech from 2 s on the interview's clock, cut off mid-word by the network.
    const speech = tone(50);
    for (let i = 0; i < 50; i++) expect(stream.push(i, frameOf(speech, i), 2000 + i * 20, i * 20)).toBe('taken');
    // 30 s offline (1500 frames lost for good), then speech again, sent as it is spoken.
    const back = 50 + 1500;
    for (let i = 0; i < 50; i++)
      expect(stream.push(back + i, frameOf(speech, i), 2000 + (back + i) * 20, (back + i) * 20)).toBe('taken');
    for (let i = 0; i < 60; i++) stream.push(back + 50 + i, FRAME, 2000 + (back + 50 + i) * 20, (back + 50 + i) * 20);
    expect(segments).toHaveLength(2);
    // The first ends where the audio stopped; the second starts where it was spoken, 31 s later on the clock.
    expect(segments[0].startMs).toBeLessThanOrEqual(2000 + 100);
    expect(segments[0].endMs).toBeLessThanOrEqual(2000 + 50 * 20 + 700);
    expect(segments[1].startMs).toBeGreaterThanOrEqual(2000 + back * 20 - 300);
    expect(segments[1].startMs).toBeLessThanOrEqual(2000 + back * 20 + 100);
    expect(stream.nowMs).toBe(2000 + (back + 110) * 20);
    // The recording holds the gap as silence: frame n lies at n × 20 ms in the file, as on the clock.
    await stream.close();
    expect(out.written()).toBe((back + 110) * AUDIO_FRAME_SAMPLES * 2);
  });

  it('refuses a frame that claims a moment not yet come, and records nothing for it', async () => {
    const out = sink();
    const stream = new AudioStream('ahead', out, 600, {
      budget: new FrameBudget(1.25 / 20, 600, 0),
      quota: RecordingQuota.from(LIMITS),
      allowance: new RecordedTime(1.25 / 20, 600),
    });
    expect(stream.push(0, FRAME, 1000, 0)).toBe('taken');
    // 20 minutes ahead of the clock: one frame would have been 20 minutes of silence.
    expect(stream.push(60_000, FRAME, 1020, 20)).toBe('too-fast');
    expect(stream.push(1, FRAME, 1020, 20)).toBe('taken');
    await stream.close();
    expect(out.written()).toBe(2 * AUDIO_FRAME_SAMPLES * 2);
  });

  it("shares one participant's budget over all their streams: a new stream brings no new burst", () => {
    const { budget, allowance } = participantBudget(LIMITS, 0);
    const quota = RecordingQuota.from(LIMITS);
    let taken = 0;
    for (let n = 0; n < 4; n++) {
      const stream = new AudioStream(`flood-${n}`, sink(), 600, { budget, allowance, quota });
      for (let seq = 0; seq < 600; seq++) if (stream.push(seq, FRAME, 12_000, 0) === 'taken') taken++;
    }
    expect(taken).toBe(600);
  });

  it("bounds the recorded time of one participant's streams, gaps included, by the time that passed", async () => {
    const { budget, allowance } = participantBudget(LIMITS, 0);
    const quota = RecordingQuota.from(LIMITS);
    const outs = Array.from({ length: 4 }, () => sink());
    // Each stream sends one frame, then one 12 s further on, at the interview's start: four bursts of silence, at once.
    outs.forEach((out, n) => {
      const stream = new AudioStream(`gaps-${n}`, out, 600, { budget, allowance, quota });
      stream.push(0, FRAME, 0, 0);
      stream.push(599, FRAME, 0, 0);
      void stream.close();
    });
    await new Promise((r) => setImmediate(r));
    const seconds = outs.reduce((sum, out) => sum + out.written(), 0) / 32_000;
    expect(seconds).toBeLessThanOrEqual(12.1);
  });
});

describe('StreamAdmission', () => {
  it('keeps at most four streams per participant and refuses a flood of new ones', () => {
    const admission = new StreamAdmission(LIMITS);
    expect(admission.admit(['a', 'b', 'c'], 0)).toEqual([]);
    expect(admission.admit(['a', 'b', 'c', 'd'], 0)).toEqual(['a']);
    expect(admission.admit(['a', 'b', 'c', 'd', 'e'], 0)).toEqual(['a', 'b']);
    for (let i = 3; i < 30; i++) admission.admit([], 0);
    expect(() => admission.admit([], 0)).toThrow(/Too many audio streams/);
    // A minute later there is room again.
    expect(admission.admit([], 60_001)).toEqual([]);
  });
});

describe('AudioStream resumed after a restart', () => {
  it('takes up where its recording ended: earlier frames are duplicates, later ones land on the clock, a cut utterance is heard whole', async () => {
    const segments: Utterance[] = [];
    const out = { ...sink(), onUtterance: (_: AudioStream, u: Utterance) => void segments.push(u) };
    const stream = new AudioStream('s4', out, 600, {
      budget: new FrameBudget(1.25 / 20, 600, 0),
      quota: RecordingQuota.from(LIMITS),
      allowance: new RecordedTime(1.25 / 20, 600),
    });
    // Frames 10…109 were recorded from 5 s on the clock; the last 40 of them are speech no stored segment covers.
    stream.resume({ firstSeq: 10, startMs: 5000, frames: 100 }, tone(40));
    expect(stream.nextSeq).toBe(110);
    expect(stream.nowMs).toBe(7000);
    expect(stream.recordingStart).toBe(5000);
    expect(stream.recordingFirst).toBe(10);
    // What the client resends from before the recording's end is dropped.
    expect(stream.push(100, FRAME, 9000, 0)).toBe('duplicate');
    // The rest of the utterance, then a pause: one segment from the replayed speech's start to the end of the new.
    const more = tone(30);
    for (let i = 0; i < 30; i++) expect(stream.push(110 + i, frameOf(more, i), 9000, 0)).toBe('taken');
    for (let i = 0; i < 60; i++) stream.push(140 + i, FRAME, 9000, 0);
    expect(segments).toHaveLength(1);
    expect(segments[0].startMs).toBeLessThanOrEqual(6200);
    expect(segments[0].startMs).toBeGreaterThanOrEqual(5900);
    expect(segments[0].endMs).toBeGreaterThanOrEqual(7600);
    // Only the new frames are written: the recording is not made twice.
    await stream.close();
    expect(out.written()).toBe(90 * AUDIO_FRAME_SAMPLES * 2);
  });
});
