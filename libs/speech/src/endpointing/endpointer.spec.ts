import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavToPcm16k } from '../audio';
import { concat, frames, mixInto, noise, silence, toInt16, tone } from '../test/signals';
import { fliteWav, sox } from '../test/speech-fixtures';
import { Endpointer, type EndpointEvent, type EndpointerOptions } from './endpointer';

type Segment = Extract<EndpointEvent, { type: 'segment' }>;

function runAll(pcm: Int16Array, options?: EndpointerOptions, endpointer = new Endpointer(options)): EndpointEvent[] {
  const events: EndpointEvent[] = [];
  for (const frame of frames(pcm)) events.push(...endpointer.push(frame));
  return events;
}
const segmentsOf = (events: EndpointEvent[]) => events.filter((e): e is Segment => e.type === 'segment');
const ofType = (events: EndpointEvent[], type: EndpointEvent['type']) => events.filter((e) => e.type === type);

describe('Endpointer on synthetic signals', () => {
  // Bursts at 0.5–1.5 s, 2.3–3.3 s and 3.7–4.5 s: the 800 ms gap splits, the 400 ms gap does not.
  const bursts = () =>
    concat(silence(500), tone(1000), silence(800), tone(1000, 330), silence(400), tone(800, 550), silence(7000));

  it('cuts segments at pauses of the segment silence, with pre- and post-roll', () => {
    const events = runAll(toInt16(bursts()));
    const segments = segmentsOf(events);
    expect(segments).toHaveLength(2);
    const [a, b] = segments;
    expect(Math.abs(a.startMs - (500 - 200))).toBeLessThanOrEqual(60);
    expect(Math.abs(a.endMs - (1500 + 200))).toBeLessThanOrEqual(60);
    expect(Math.abs(b.startMs - (2300 - 200))).toBeLessThanOrEqual(60);
    expect(Math.abs(b.endMs - (4500 + 200))).toBeLessThanOrEqual(60);
    // Where the speech itself ended, before the post-roll: the silence after the last word counts from there.
    expect(Math.abs(a.speechEndMs - 1500)).toBeLessThanOrEqual(60);
    expect(Math.abs(b.speechEndMs - 4500)).toBeLessThanOrEqual(60);
    expect(b.speechEndMs).toBeLessThan(b.endMs);
    // The samples are the stream's samples for that span.
    expect(a.pcm.length).toBe(((a.endMs - a.startMs) * 16000) / 1000);
    expect(ofType(events, 'speech-start')).toHaveLength(2);
    expect(
      Math.abs((events.find((e) => e.type === 'speech-start') as { atMs: number }).atMs - 500),
    ).toBeLessThanOrEqual(60);
  });

  it('finds the speech itself within ±60 ms when there is no pre- or post-roll', () => {
    const segments = segmentsOf(runAll(toInt16(bursts()), { preRollMs: 0, postRollMs: 0 }));
    const expected = [
      [500, 1500],
      [2300, 4500],
    ];
    expect(segments).toHaveLength(2);
    segments.forEach((s, i) => {
      expect(Math.abs(s.startMs - expected[i][0])).toBeLessThanOrEqual(60);
      expect(Math.abs(s.endMs - expected[i][1])).toBeLessThanOrEqual(60);
    });
  });

  it('reports one answer-end after the answer silence, with silence events at most every 250 ms before it', () => {
    const endpointer = new Endpointer();
    const timed: { atMs: number; event: EndpointEvent }[] = [];
    frames(toInt16(concat(bursts(), silence(10_000)))).forEach((frame, i) => {
      for (const event of endpointer.push(frame)) timed.push({ atMs: (i + 1) * 20, event });
    });
    const ends = timed.filter((t) => t.event.type === 'answer-end');
    expect(ends).toHaveLength(1);
    expect(Math.abs(ends[0].atMs - (4500 + 5000))).toBeLessThanOrEqual(60);
    expect(ends[0].event).toEqual({ type: 'answer-end', atMs: ends[0].atMs });
    const silences = timed.filter((t) => t.event.type === 'silence');
    for (let i = 1; i < silences.length; i++)
      expect(silences[i].atMs - silences[i - 1].atMs).toBeGreaterThanOrEqual(250);
    // About every 250 ms (whole 20 ms frames: 260) from the end of the last burst up to the answer end, and nothing after it.
    const afterLast = silences.filter((t) => t.atMs > 4500);
    expect(afterLast.length).toBe(19);
    expect(afterLast.map((t) => (t.event as { silenceMs: number }).silenceMs).slice(0, 3)).toEqual([260, 520, 780]);
    expect(timed.filter((t) => t.atMs > ends[0].atMs)).toEqual([]);
  });

  it('does not end the answer during thinking pauses shorter than the answer silence', () => {
    const pcm = toInt16(
      concat(silence(300), tone(1000), silence(4000), tone(1000), silence(3000), tone(500), silence(5500)),
    );
    const events = runAll(pcm);
    expect(segmentsOf(events)).toHaveLength(3);
    const ends = ofType(events, 'answer-end') as { atMs: number }[];
    expect(ends).toHaveLength(1);
    expect(Math.abs(ends[0].atMs - (300 + 1000 + 4000 + 1000 + 3000 + 500 + 5000))).toBeLessThanOrEqual(60);
  });

  it('honours setAnswerSilence and starts over after reset', () => {
    const endpointer = new Endpointer();
    endpointer.setAnswerSilence(2000);
    const first = runAll(toInt16(concat(tone(600), silence(2500))), undefined, endpointer);
    expect(ofType(first, 'answer-end')).toHaveLength(1);
    expect(Math.abs((ofType(first, 'answer-end')[0] as { atMs: number }).atMs - 2600)).toBeLessThanOrEqual(60);
    // Silence alone never ends an answer; a new answer after reset does.
    endpointer.reset();
    expect(ofType(runAll(toInt16(silence(3000)), undefined, endpointer), 'answer-end')).toHaveLength(0);
    const second = runAll(toInt16(concat(tone(600), silence(2500))), undefined, endpointer);
    expect(ofType(second, 'answer-end')).toHaveLength(1);
    // Times keep counting from the start of the stream.
    expect(segmentsOf(second)[0].startMs).toBeGreaterThan(5500);
    expect(() => endpointer.setAnswerSilence(0)).toThrow(RangeError);
  });

  it('only cuts utterances when the answer is ended above it (answerSilenceMs: null)', () => {
    const endpointer = new Endpointer({ answerSilenceMs: null });
    expect(endpointer.answerSilenceMs).toBeNull();
    const events = runAll(toInt16(concat(bursts(), silence(30_000))), undefined, endpointer);
    expect(segmentsOf(events)).toHaveLength(2);
    expect(ofType(events, 'answer-end')).toHaveLength(0);
    expect(ofType(events, 'silence')).toHaveLength(0);
    // flush (the candidate said "I'm done") still ends the utterance in progress.
    const open = runAll(toInt16(concat(silence(300), tone(800))), undefined, endpointer);
    expect(segmentsOf(open)).toHaveLength(0);
    expect(segmentsOf(endpointer.flush({ endAnswer: false }))).toHaveLength(1);
  });

  it('cuts speech longer than the maximum segment at a quiet frame', () => {
    // 25 s of "syllables": 200 ms voiced, 60 ms much quieter (but not a pause), every 2 s a 100 ms dip to near silence.
    const parts: Float32Array[] = [silence(500)];
    for (let t = 0; t < 25_000; t += 260) {
      parts.push(tone(200, 200 + ((t / 260) % 5) * 40, 0.3));
      parts.push(t % 2000 < 260 ? silence(100) : tone(60, 300, 0.02));
    }
    parts.push(silence(1500));
    const pcm = toInt16(concat(...parts));
    const energyAt = (ms: number) => {
      const from = Math.round((ms * 16000) / 1000);
      let sum = 0;
      for (let i = from; i < from + 320 && i < pcm.length; i++) sum += pcm[i] * pcm[i];
      return sum / 320;
    };
    const segments = segmentsOf(runAll(pcm));
    expect(segments.length).toBeGreaterThanOrEqual(3);
    for (const s of segments) expect(s.endMs - s.startMs).toBeLessThanOrEqual(10_000);
    // Contiguous: the forced cuts lose nothing.
    for (let i = 1; i < segments.length; i++) expect(segments[i].startMs).toBe(segments[i - 1].endMs);
    // Each forced cut ends on a quiet frame, not in a syllable.
    for (const s of segments.slice(0, -1)) expect(energyAt(s.endMs - 20)).toBeLessThan(energyAt(560) / 100);
  });

  it("never puts a segment's speech end before its start, also when speech stops right at a forced cut", () => {
    // Speech fading out over about the maximum length (so the quietest frame, where the cut falls, is its last one),
    // ending just before, at, or just after the cut: the part left over after the cut may hold only its post-roll.
    const fading = (ms: number) =>
      concat(...Array.from({ length: ms / 20 }, (_, k) => tone(20, 220, 0.3 - (0.2 * k * 20) / ms)));
    for (let extra = -300; extra <= 300; extra += 20) {
      const pcm = toInt16(concat(silence(300), fading(4000 + extra), silence(2000)));
      for (const s of segmentsOf(runAll(pcm, { maxSegmentMs: 4000 }))) {
        expect({
          extra,
          startMs: s.startMs,
          speechEndMs: s.speechEndMs,
          ok: s.speechEndMs >= s.startMs && s.speechEndMs <= s.endMs,
        }).toMatchObject({ ok: true });
      }
    }
  });

  it('cuts a long run of speech at a short pause once the segment is long, but not before', () => {
    // Phrases of 1 s with 300 ms breaths: under the 600 ms segment pause, so without a length rule it is one segment.
    const phrases = concat(
      silence(500),
      ...Array.from({ length: 6 }, () => [tone(1000), silence(300)]).flat(),
      silence(1000),
    );
    const segments = segmentsOf(runAll(toInt16(phrases)));
    expect(segments.length).toBeGreaterThanOrEqual(2);
    for (const segment of segments.slice(0, -1)) {
      // Long enough before the short pause counts, then cut in a breath (after the 200 ms post-roll).
      expect(segment.endMs - segment.startMs).toBeGreaterThanOrEqual(3000);
      expect(segment.endMs - segment.startMs).toBeLessThan(3000 + 1300 + 200);
    }
    // Nothing is lost between the pieces: they tile the speech.
    for (let i = 1; i < segments.length; i++) expect(segments[i].startMs).toBeGreaterThanOrEqual(segments[i - 1].endMs);
    // Short speech with the same breaths stays whole, and the rule can be turned off.
    expect(
      segmentsOf(runAll(toInt16(concat(silence(500), tone(1000), silence(300), tone(1000), silence(1000))))),
    ).toHaveLength(1);
    expect(segmentsOf(runAll(toInt16(phrases), { longSegmentMs: 60_000 }))).toHaveLength(1);
  });

  it('offers the audio of a segment in progress, holding back where a cut at the maximum length could fall', () => {
    const endpointer = new Endpointer();
    const speech = toInt16(concat(silence(500), tone(12_000)));
    let seen = 0;
    let cutSegment: Segment | null = null;
    for (const frame of frames(speech)) {
      for (const event of endpointer.push(frame)) if (event.type === 'segment') cutSegment ??= event;
      if (!cutSegment) {
        const audio = endpointer.openSegmentAudio(0);
        // Never more than max − cut search (8 s), and always the start of what the segment event will hold.
        expect(audio.length).toBeLessThanOrEqual(8000 * 16);
        seen = Math.max(seen, audio.length);
      }
    }
    expect(endpointer.openSegmentStartMs).not.toBeNull();
    expect(cutSegment).not.toBeNull();
    expect(seen).toBe(8000 * 16);
    expect(cutSegment!.pcm.subarray(0, seen)).toEqual(
      speech.subarray(cutSegment!.startMs * 16, cutSegment!.startMs * 16 + seen),
    );
  });

  it('drops a blip shorter than the minimum speech and keeps a short word', () => {
    const blip = runAll(toInt16(concat(silence(1000), tone(100, 1000, 0.5), silence(7000))));
    expect(blip.filter((e) => e.type !== 'silence')).toEqual([]);
    const word = runAll(toInt16(concat(silence(1000), tone(300, 400, 0.3), silence(1000))));
    expect(segmentsOf(word)).toHaveLength(1);
  });

  it('flush ends the segment now and the answer with it', () => {
    const endpointer = new Endpointer();
    const before = runAll(toInt16(concat(silence(400), tone(1500))), undefined, endpointer);
    expect(segmentsOf(before)).toHaveLength(0);
    const flushed = endpointer.flush();
    expect(flushed.map((e) => e.type)).toEqual(['segment', 'answer-end']);
    const segment = flushed[0] as Segment;
    expect(Math.abs(segment.startMs - 200)).toBeLessThanOrEqual(60);
    expect(segment.endMs).toBe(1900);
    expect(endpointer.flush()).toEqual([]);
    // After a flush, silence does not end the (already ended) answer again.
    expect(ofType(runAll(toInt16(silence(6000)), undefined, endpointer), 'answer-end')).toHaveLength(0);
  });

  it('adapts to background noise (hysteresis keeps words whole)', () => {
    const signal = concat(silence(1000), tone(1000, 300, 0.1), silence(900), tone(1200, 500, 0.1), silence(6000));
    mixInto(signal, noise(signal.length / 16, -50, 7));
    const segments = segmentsOf(runAll(toInt16(signal), { preRollMs: 0, postRollMs: 0 }));
    expect(segments).toHaveLength(2);
    expect(Math.abs(segments[0].startMs - 1000)).toBeLessThanOrEqual(60);
    expect(Math.abs(segments[0].endMs - 2000)).toBeLessThanOrEqual(60);
    expect(Math.abs(segments[1].startMs - 2900)).toBeLessThanOrEqual(60);
    expect(Math.abs(segments[1].endMs - 4100)).toBeLessThanOrEqual(60);
  });

  it('follows a background that gets louder instead of taking it for speech', () => {
    const signal = concat(noise(2000, -65, 3), noise(10_000, -45, 4));
    const events = runAll(toInt16(signal));
    // At most the step itself looks like speech, for no longer than the noise window.
    const segments = segmentsOf(events);
    expect(segments.length).toBeLessThanOrEqual(1);
    for (const s of segments) expect(s.endMs).toBeLessThan(6000);
  });

  it('keeps the clock from frame indexes and fills lost frames with silence', () => {
    const endpointer = new Endpointer({ preRollMs: 0, postRollMs: 0 });
    const speech = frames(toInt16(tone(400)));
    const events: EndpointEvent[] = [];
    speech.forEach((frame, i) => events.push(...endpointer.push(frame, 100 + i)));
    const quiet = new Int16Array(320);
    for (let i = 0; i < 40; i++) events.push(...endpointer.push(quiet, 200 + i));
    const segment = segmentsOf(events)[0];
    expect(segment.startMs).toBe(2000);
    expect(Math.abs(segment.endMs - 2400)).toBeLessThanOrEqual(60);
    expect(() => endpointer.push(quiet, 5)).toThrow(RangeError);
    expect(() => endpointer.push(new Int16Array(100))).toThrow(/320 samples/);
  });

  it('costs a few microseconds per frame', () => {
    const signal = frames(toInt16(concat(bursts(), noise(5000, -50), tone(12_000, 300, 0.2), silence(3000))));
    const endpointer = new Endpointer();
    for (const frame of signal) endpointer.push(frame); // warm up
    const rounds = 20;
    const started = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) {
      endpointer.reset();
      for (const frame of signal) endpointer.push(frame);
    }
    const perFrameUs = Number(process.hrtime.bigint() - started) / 1000 / (rounds * signal.length);
    expect(perFrameUs).toBeLessThan(15); // typically 1–3 µs; loose for busy CI machines
  });
});

describe('Endpointer on real speech', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mockroom-endpointer-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds each sentence of flite speech padded and separated with silence', async () => {
    const a = await fliteWav('I would start by measuring where the time goes.', dir, { name: 'a' });
    const b = await fliteWav('Then I would add an index on the customer column.', dir, { name: 'b' });
    const out = join(dir, 'answer.wav');
    // 1 s of silence, sentence, 1.5 s of silence, sentence, 6 s of silence.
    await sox([a, join(dir, 'a-padded.wav')], ['pad', '1', '1.5']);
    await sox([join(dir, 'a-padded.wav'), b, join(dir, 'ab.wav')]);
    await sox([join(dir, 'ab.wav'), out], ['pad', '0', '6']);
    const pcm = wavToPcm16k(await readFile(out));
    const lengthA = wavToPcm16k(await readFile(a)).length;

    const clean = runAll(pcm);
    const segments = segmentsOf(clean);
    expect(segments).toHaveLength(2);
    expect(ofType(clean, 'answer-end')).toHaveLength(1);
    // Flite puts ~100–250 ms of near-silence around its speech; the first segment starts around 1 s minus the pre-roll.
    expect(segments[0].startMs).toBeGreaterThanOrEqual(800 - 60);
    expect(segments[0].startMs).toBeLessThanOrEqual(1250);
    expect(segments[0].endMs).toBeLessThanOrEqual(1000 + lengthA / 16 + 200);
    expect(segments[1].startMs).toBeGreaterThanOrEqual(1000 + lengthA / 16 + 1500 - 250);

    // The same with a laptop-like background hiss 35 dB below the speech.
    const noisy = new Int16Array(pcm.length);
    const hiss = toInt16(noise(pcm.length / 16, -55, 11));
    for (let i = 0; i < pcm.length; i++) noisy[i] = Math.max(-32768, Math.min(32767, pcm[i] + hiss[i]));
    const noisySegments = segmentsOf(runAll(noisy));
    expect(noisySegments).toHaveLength(2);
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(noisySegments[i].startMs - segments[i].startMs)).toBeLessThanOrEqual(100);
      expect(Math.abs(noisySegments[i].endMs - segments[i].endMs)).toBeLessThanOrEqual(200);
    }
  });
});
