import { finalContour } from './final-contour';
import { yinPitch } from './pitch';

const RATE = 16_000;

/** A voice-like tone (harmonics falling off as 1/k) whose pitch follows `hz(t)` for `ms` milliseconds. */
function voice(ms: number, hz: (t: number) => number, amplitude = 8000): Int16Array {
  const n = Math.round((ms / 1000) * RATE);
  const out = new Int16Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    phase += (2 * Math.PI * hz(i / RATE)) / RATE;
    let v = 0;
    for (let k = 1; k <= 10; k++) v += Math.sin(k * phase) / k;
    out[i] = Math.round(amplitude * 0.5 * v);
  }
  return out;
}

describe('pitch', () => {
  it('finds the pitch of a voiced window within a hertz or two', () => {
    for (const hz of [90, 150, 220]) {
      const pitch = yinPitch(
        voice(40, () => hz),
        { sampleRate: RATE },
      )!;
      expect(Math.abs(pitch - hz)).toBeLessThan(2);
    }
  });

  it('has none in silence or noise', () => {
    expect(yinPitch(new Float64Array(640), { sampleRate: RATE })).toBeNull();
    let seed = 7;
    const noise = Float64Array.from(
      { length: 640 },
      () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 20000,
    );
    expect(yinPitch(noise, { sampleRate: RATE })).toBeNull();
  });
});

describe('how an utterance ended', () => {
  const second = 1000;
  it('hears a voice that fell on its last words', () => {
    // Level at 170 Hz, then down to 120 Hz over the last 300 ms (a statement's final fall).
    const pcm = voice(second, (t) => (t < 0.7 ? 170 : 170 - ((t - 0.7) / 0.3) * 50));
    const contour = finalContour(pcm)!;
    expect(contour.falling).toBe(true);
    expect(contour.pitchChangeSemitones).toBeLessThan(-2);
  });

  it('hears a level or rising end as not falling', () => {
    expect(finalContour(voice(second, () => 150))!.falling).toBe(false);
    const rising = finalContour(voice(second, (t) => (t < 0.7 ? 150 : 150 + ((t - 0.7) / 0.3) * 60)))!;
    expect(rising.falling).toBe(false);
    expect(rising.pitchChangeSemitones).toBeGreaterThan(2);
  });

  it('measures up to where the speech ends, not the silence after it', () => {
    const falling = voice(second, (t) => (t < 0.7 ? 170 : 170 - ((t - 0.7) / 0.3) * 50));
    const withPostRoll = new Int16Array(falling.length + RATE / 5);
    withPostRoll.set(falling);
    expect(finalContour(withPostRoll, { speechEnd: falling.length })!.falling).toBe(true);
  });

  it('says nothing when too little is voiced, or where the speech would end before the audio starts', () => {
    expect(finalContour(new Int16Array(RATE))).toBeNull();
    const fell = voice(second, (t) => (t < 0.7 ? 170 : 170 - ((t - 0.7) / 0.3) * 50));
    expect(finalContour(fell, { speechEnd: -320 })).toBeNull();
    expect(finalContour(fell, { speechEnd: 0 })).toBeNull();
    expect(finalContour(voice(100, () => 150))).toBeNull();
  });
});
