import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeWav } from './audio/wav';
import { SpeechEngineError } from './errors';
import { OpenAiSpeechToText, vocabularyPrompt } from './stt/openai-stt';
import { tone, toInt16 } from './test/signals';
import { OpenAiTextToSpeech } from './tts/openai-tts';

/** A local server speaking the OpenAI audio API shapes; records what it was sent. */
interface Recorded {
  path: string;
  auth: string | undefined;
  contentType: string;
  fields: Record<string, string | string[]>;
  file?: { name: string; type: string; bytes: Buffer };
  json?: Record<string, unknown>;
}

let server: Server;
let baseUrl: string;
const requests: Recorded[] = [];
let behaviour: 'ok' | 'bad-request' | 'unavailable' | 'hang' | 'not-wav' = 'ok';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const record: Recorded = {
    path: req.url ?? '',
    auth: req.headers.authorization,
    contentType: req.headers['content-type'] ?? '',
    fields: {},
  };
  requests.push(record);
  if (record.contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': record.contentType },
      body,
    }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        const previous = record.fields[key];
        record.fields[key] = previous === undefined ? value : ([] as string[]).concat(previous, value);
      } else {
        record.file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
      }
    }
  } else if (body.length > 0) {
    record.json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  }
  if (behaviour === 'hang') return; // never answers
  if (behaviour === 'bad-request' || behaviour === 'unavailable') {
    const status = behaviour === 'bad-request' ? 400 : 503;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { message: status === 400 ? 'Audio file is too short' : 'Overloaded', type: 'invalid_request_error' },
      }),
    );
    return;
  }
  if (req.url === '/v1/audio/transcriptions') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        text: ' We store sessions in Redis. ',
        words: [
          { word: 'We', start: 0.1, end: 0.3 },
          { word: 'store', start: 0.3, end: 0.6 },
        ],
      }),
    );
    return;
  }
  if (req.url === '/v1/audio/speech') {
    if (behaviour === 'not-wav') {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.end(Buffer.from('ID3 not a wav'));
      return;
    }
    // 0.5 s of 24 kHz float WAV with streaming ("unknown") sizes, as some servers send.
    const samples = tone(500, 440, 0.3, 24000);
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(0xffffffff, 4);
    header.write('WAVEfmt ', 8, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(3, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(24000, 24);
    header.writeUInt32LE(96000, 28);
    header.writeUInt16LE(4, 32);
    header.writeUInt16LE(32, 34);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(0xffffffff, 40);
    res.writeHead(200, { 'content-type': 'audio/wav' });
    res.end(Buffer.concat([header, Buffer.from(samples.buffer)]));
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
  behaviour = 'ok';
});

const speech = toInt16(tone(800, 300, 0.3));

describe('OpenAI-compatible speech-to-text', () => {
  it('sends a WAV file, the model and the hints as a vocabulary prompt, with the API key', async () => {
    const stt = new OpenAiSpeechToText({ apiKey: 'sk-test', baseUrl, model: 'whisper-1' });
    expect(stt).toMatchObject({
      name: 'openai:whisper-1',
      mode: 'external',
      label: expect.stringMatching(/^whisper-1 \(127\.0\.0\.1:\d+\)$/),
    });
    const result = await stt.transcribe(speech, { hints: ['Redis', 'JWT', 'Redis'] });
    expect(result).toEqual({
      text: 'We store sessions in Redis.',
      words: [
        { word: 'We', startMs: 100, endMs: 300 },
        { word: 'store', startMs: 300, endMs: 600 },
      ],
      engine: 'openai:whisper-1',
    });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.path).toBe('/v1/audio/transcriptions');
    expect(request.auth).toBe('Bearer sk-test');
    expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.fields).toMatchObject({
      model: 'whisper-1',
      language: 'en',
      prompt: 'Vocabulary: Redis, JWT.',
      response_format: 'verbose_json',
    });
    expect(request.fields['timestamp_granularities[]']).toBe('word');
    expect(request.file?.name).toBe('utterance.wav');
    const wav = decodeWav(request.file!.bytes);
    expect(wav).toMatchObject({ sampleRate: 16000, channels: 1, encoding: 'pcm16', frames: speech.length });
  });

  it('asks other models for plain JSON and sends no prompt without hints', async () => {
    const stt = new OpenAiSpeechToText({ apiKey: 'k', baseUrl, model: 'gpt-4o-mini-transcribe' });
    const result = await stt.transcribe(speech);
    expect(result.text).toBe('We store sessions in Redis.');
    expect(requests[0].fields).toMatchObject({ model: 'gpt-4o-mini-transcribe', response_format: 'json' });
    expect(requests[0].fields['prompt']).toBeUndefined();
  });

  it('does not send audio too short to transcribe', async () => {
    const stt = new OpenAiSpeechToText({ apiKey: 'k', baseUrl });
    expect(await stt.transcribe(new Int16Array(800))).toEqual({ text: '', words: [], engine: 'openai:whisper-1' });
    expect(requests).toHaveLength(0);
  });

  it('wraps an error status with a clear message and does not retry a 400', async () => {
    behaviour = 'bad-request';
    const stt = new OpenAiSpeechToText({ apiKey: 'k', baseUrl });
    const error = (await stt.transcribe(speech).catch((e: unknown) => e)) as SpeechEngineError;
    expect(error).toBeInstanceOf(SpeechEngineError);
    expect(error.message).toMatch(
      /^transcription with whisper-1 at 127\.0\.0\.1:\d+ failed: HTTP 400: .*Audio file is too short/,
    );
    expect(error.cause).toBeDefined();
    expect(requests).toHaveLength(1);
  });

  it('retries once on a server error, then fails', async () => {
    behaviour = 'unavailable';
    const stt = new OpenAiSpeechToText({ apiKey: 'k', baseUrl });
    await expect(stt.transcribe(speech)).rejects.toThrow(/HTTP 503/);
    expect(requests).toHaveLength(2);
  });

  it('times out', async () => {
    behaviour = 'hang';
    const stt = new OpenAiSpeechToText({ apiKey: 'k', baseUrl, timeoutMs: 300, maxRetries: 0 });
    await expect(stt.transcribe(speech)).rejects.toThrow(/failed: timed out \(no answer within 300 ms\)/);
  });

  it('builds the vocabulary prompt within its budget', () => {
    expect(vocabularyPrompt([])).toBeUndefined();
    expect(vocabularyPrompt([' CAP theorem ', '', 'Eric Brewer'])).toBe('Vocabulary: CAP theorem, Eric Brewer.');
    const long = vocabularyPrompt(Array.from({ length: 200 }, (_, i) => `term number ${i}`)) as string;
    expect(long.length).toBeLessThanOrEqual(800);
    expect(long.endsWith('.')).toBe(true);
  });
});

describe('OpenAI-compatible text-to-speech', () => {
  it('asks for WAV and returns 16-bit PCM with the right duration', async () => {
    const tts = new OpenAiTextToSpeech({ apiKey: 'sk-tts', baseUrl, model: 'tts-1', voice: 'nova' });
    const result = await tts.synthesize('Tell me about yourself.');
    expect(requests[0]).toMatchObject({
      path: '/v1/audio/speech',
      auth: 'Bearer sk-tts',
      json: { model: 'tts-1', voice: 'nova', input: 'Tell me about yourself.', response_format: 'wav' },
    });
    expect(result).toMatchObject({ sampleRate: 24000, durationMs: 500, engine: 'openai:tts-1' });
    expect(decodeWav(result.wav)).toMatchObject({ encoding: 'pcm16', sampleRate: 24000, frames: 12000 });
    expect(result.wav.readUInt32LE(40)).toBe(24000);
    await tts.synthesize('Next question.', { voice: 'alloy' });
    expect(requests[1].json).toMatchObject({ voice: 'alloy' });
  });

  it('fails clearly on errors and on audio that is not WAV', async () => {
    const tts = new OpenAiTextToSpeech({ apiKey: 'k', baseUrl });
    behaviour = 'bad-request';
    await expect(tts.synthesize('Hello.')).rejects.toThrow(
      /^speech synthesis with tts-1 at 127\.0\.0\.1:\d+ failed: HTTP 400/,
    );
    behaviour = 'not-wav';
    await expect(tts.synthesize('Hello.')).rejects.toThrow(/did not return a usable WAV file: not a WAV file/);
    await expect(tts.synthesize('   ')).rejects.toThrow(/the text is empty/);
    await expect(tts.synthesize('x'.repeat(2001))).rejects.toThrow(/too long .*2001 characters; at most 2000/);
  });
});
