import { describe, expect, it } from '@jest/globals';
import { BargeInDetector, realWords } from './barge-in';

describe('BargeInDetector', () => {
  const run = (detector: BargeInDetector, level: number, ms: number) => {
    const steps: string[] = [];
    for (let t = 0; t < ms; t += 20) steps.push(detector.push(level, 20));
    return steps.filter((s) => s !== 'none');
  };

  it('lowers the voice after ~150 ms of sound, and interrupts only once it goes on like speech', () => {
    const detector = new BargeInDetector({ graceMs: 300 });
    expect(run(detector, 0.9, 300)).toEqual([]); // the grace period
    const steps: string[] = [];
    for (let t = 0; t < 1200; t += 20) steps.push(detector.push(0.9, 20));
    expect(steps.indexOf('duck')).toBe(7); // the 8th loud frame: 160 ms
    expect(steps.indexOf('interrupt')).toBe(44); // 900 ms
  });

  it('a backchannel or a cough lowers the voice and brings it back, without interrupting', () => {
    const detector = new BargeInDetector({ graceMs: 0 });
    // "Mm-hmm": 400 ms of sound, then quiet.
    expect(run(detector, 0.9, 400)).toEqual(['duck']);
    expect(run(detector, 0.1, 600)).toEqual(['release']);
    // A cough: 200 ms.
    expect(run(detector, 0.9, 200)).toEqual(['duck']);
    expect(run(detector, 0.1, 600)).toEqual(['release']);
    expect(detector.isDucked).toBe(false);
  });

  it('forgives a short dip between syllables', () => {
    const detector = new BargeInDetector({ graceMs: 0 });
    run(detector, 0.8, 100);
    detector.push(0.1, 20);
    expect(run(detector, 0.8, 100)).toEqual(['duck']);
    detector.reset();
    expect(run(detector, 0.2, 2000)).toEqual([]);
  });

  it('counts words, not backchannels, in the live transcript', () => {
    const detector = new BargeInDetector();
    expect(realWords('mm-hmm okay yeah')).toBe(0);
    // As the recogniser writes humming: lone letters, "uh huh", "hmmm".
    expect(realWords('m m h m m')).toBe(0);
    expect(realWords('uh huh hmmm mhm')).toBe(0);
    expect(realWords('sorry could you repeat that')).toBe(5);
    expect(realWords('a')).toBe(0);
    expect(realWords('a cache')).toBe(1);
    expect(detector.words('okay right i see')).toBe('none');
    expect(detector.words('sorry could you repeat that')).toBe('interrupt');
  });
});
