import { decodeWav } from '../audio/wav';
import { SpeechEngineError } from '../errors';
import { EspeakTextToSpeech } from './espeak-tts';
import { FliteTextToSpeech } from './flite-tts';
import { MAX_TTS_TEXT_CHARS } from './types';

const QUESTION = 'Tell me about a time you had to debug a production incident under pressure.';

describe('offline text-to-speech', () => {
  it.each([
    ['flite', () => new FliteTextToSpeech(), 16000],
    ['espeak-ng', () => new EspeakTextToSpeech(), 22050],
  ] as const)('%s speaks a question as a 16-bit PCM WAV of plausible duration', async (name, make, rate) => {
    const result = await make().synthesize(QUESTION);
    expect(result.engine).toBe(name);
    expect(result.sampleRate).toBe(rate);
    // 14 words at 120–220 words per minute.
    expect(result.durationMs).toBeGreaterThan(3500);
    expect(result.durationMs).toBeLessThan(8000);
    const wav = decodeWav(result.wav);
    expect(wav).toMatchObject({ encoding: 'pcm16', channels: 1, sampleRate: rate });
    expect(Math.round((wav.frames * 1000) / rate)).toBe(result.durationMs);
    // Exact chunk sizes (espeak-ng streams placeholders).
    expect(result.wav.readUInt32LE(4)).toBe(result.wav.length - 8);
    expect(result.wav.readUInt32LE(40)).toBe(result.wav.length - 44);
  });

  it('uses the voice asked for', async () => {
    const kal = await new FliteTextToSpeech({ voice: 'kal' }).synthesize('Next question.');
    expect(kal.sampleRate).toBe(8000);
    const slt = await new FliteTextToSpeech({ voice: 'kal' }).synthesize('Next question.', { voice: 'slt' });
    expect(slt.sampleRate).toBe(16000);
    const gb = await new EspeakTextToSpeech().synthesize('Next question.', { voice: 'en-gb+f3' });
    expect(gb.durationMs).toBeGreaterThan(300);
  });

  it('treats text as text, never as options', async () => {
    const result = await new EspeakTextToSpeech().synthesize('--help -v xx');
    expect(result.durationMs).toBeGreaterThan(300);
    const flite = await new FliteTextToSpeech().synthesize('-voice awb');
    expect(flite.durationMs).toBeGreaterThan(300);
  });

  it('rejects empty and oversized text and unknown voices clearly', async () => {
    const flite = new FliteTextToSpeech();
    await expect(flite.synthesize('  \n ')).rejects.toThrow(
      new SpeechEngineError('flite', 'nothing to say: the text is empty'),
    );
    await expect(flite.synthesize('a'.repeat(MAX_TTS_TEXT_CHARS + 1))).rejects.toThrow(
      /too long to speak at once \(2001 characters; at most 2000\)/,
    );
    await expect(flite.synthesize('Hello.', { voice: 'darth' })).rejects.toThrow(
      /unknown flite voice "darth" \(available: slt, kal16, kal, rms, awb\)/,
    );
    expect(() => new EspeakTextToSpeech({ voice: 'en us; rm -rf' })).toThrow(/bad espeak-ng voice/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const pending = new FliteTextToSpeech().synthesize('A long answer. '.repeat(100), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
