import { describe, expect, it } from '@jest/globals';
import { DEFAULT_JITTER, pcmToFloat32, planFrame, rms } from './relay-audio';

const FRAME = 0.02;

describe('planFrame', () => {
  it('starts the first frame a jitter buffer behind now', () => {
    const plan = planFrame(10, 0, FRAME);
    expect(plan).toEqual({
      play: true,
      startAt: 10 + DEFAULT_JITTER.targetLatency,
      queuedUntil: 10 + DEFAULT_JITTER.targetLatency + FRAME,
      restarted: true,
    });
  });

  it('schedules frames back to back while they keep coming', () => {
    let queuedUntil = 0;
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Frames arrive on time, every 20 ms.
      const plan = planFrame(10 + i * FRAME, queuedUntil, FRAME);
      if (!plan.play) throw new Error('dropped');
      starts.push(plan.startAt);
      queuedUntil = plan.queuedUntil;
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeCloseTo(FRAME, 9);
  });

  it('absorbs a late frame without a gap as long as the buffer lasts', () => {
    const first = planFrame(10, 0, FRAME);
    if (!first.play) throw new Error('dropped');
    // The next frame is 80 ms late: still before what is queued runs out.
    const late = planFrame(10.1, first.queuedUntil, FRAME);
    expect(late).toMatchObject({ play: true, startAt: first.queuedUntil, restarted: false });
  });

  it('starts again from the target after an underrun', () => {
    const plan = planFrame(20, 10.5, FRAME);
    expect(plan).toMatchObject({ play: true, startAt: 20 + DEFAULT_JITTER.targetLatency, restarted: true });
  });

  it('drops frames once too much is queued, to keep the delay bounded', () => {
    const plan = planFrame(10, 10 + DEFAULT_JITTER.maxLatency + 0.05, FRAME);
    expect(plan).toEqual({ play: false, queuedUntil: 10 + DEFAULT_JITTER.maxLatency + 0.05 });
  });
});

describe('pcmToFloat32', () => {
  it('reads little-endian Int16 samples into -1..1', () => {
    const bytes = new Uint8Array([0x00, 0x00, 0xff, 0x7f, 0x00, 0x80, 0x00, 0x40]);
    const samples = pcmToFloat32(bytes.buffer);
    expect(Array.from(samples)).toEqual([0, 0x7fff / 0x8000, -1, 0.5]);
  });

  it('reads a view into a larger buffer at any offset', () => {
    const backing = new Uint8Array([9, 0x00, 0x40, 0x00, 0xc0, 9]);
    const view = new Uint8Array(backing.buffer, 1, 4);
    expect(Array.from(pcmToFloat32(view))).toEqual([0.5, -0.5]);
  });

  it('ignores a trailing odd byte', () => {
    expect(pcmToFloat32(new Uint8Array([0, 0x40, 7])).length).toBe(1);
  });

  it('turns a 640-byte frame into 320 samples', () => {
    expect(pcmToFloat32(new ArrayBuffer(640)).length).toBe(320);
  });
});

describe('rms', () => {
  it('is 0 for silence and for nothing', () => {
    expect(rms(new Float32Array(320))).toBe(0);
    expect(rms(new Float32Array(0))).toBe(0);
  });

  it('is the amplitude of a square wave', () => {
    expect(rms(Float32Array.from([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5, 6);
  });
});
