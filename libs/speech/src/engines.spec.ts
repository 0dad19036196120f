import { createSpeechToText, createTextToSpeech, speechOptionsFromEnv } from './engines';
import { OpenAiSpeechToText } from './stt/openai-stt';
import { PocketSphinxSpeechToText } from './stt/pocketsphinx/pocketsphinx-stt';
import { EspeakTextToSpeech } from './tts/espeak-tts';
import { FliteTextToSpeech } from './tts/flite-tts';
import { OpenAiTextToSpeech } from './tts/openai-tts';

describe('speechOptionsFromEnv', () => {
  it('maps the environment variables', () => {
    expect(
      speechOptionsFromEnv({
        STT_ENGINE: 'openai',
        TTS_ENGINE: 'browser',
        OPENAI_API_KEY: 'sk-1',
        OPENAI_BASE_URL: 'http://whisper.local/v1',
        OPENAI_STT_MODEL: 'whisper-large-v3',
        OPENAI_TTS_MODEL: 'tts-1-hd',
        OPENAI_TTS_VOICE: 'nova',
        TTS_VOICE: 'kal16',
        STT_POOL_SIZE: '4',
        MOCKROOM_DATA_DIR: '/var/lib/mockroom',
        PATH: '/opt/bin:/usr/bin',
        UNRELATED: 'x',
      }),
    ).toEqual({
      sttEngine: 'openai',
      ttsEngine: 'browser',
      apiKey: 'sk-1',
      baseUrl: 'http://whisper.local/v1',
      sttModel: 'whisper-large-v3',
      ttsModel: 'tts-1-hd',
      openaiTtsVoice: 'nova',
      ttsVoice: 'kal16',
      poolSize: 4,
      dataDir: '/var/lib/mockroom',
      searchPath: '/opt/bin:/usr/bin',
    });
    expect(speechOptionsFromEnv({ OPENAI_API_KEY: '  ', STT_ENGINE: '' })).toEqual({});
  });

  it('refuses values it does not understand', () => {
    expect(() => speechOptionsFromEnv({ STT_ENGINE: 'vosk' })).toThrow(
      /STT_ENGINE must be one of pocketsphinx, openai, auto \(got "vosk"\)/,
    );
    expect(() => speechOptionsFromEnv({ TTS_ENGINE: 'polly' })).toThrow(
      /TTS_ENGINE must be one of flite, espeak-ng, openai, browser, auto/,
    );
    expect(() => speechOptionsFromEnv({ STT_POOL_SIZE: 'two' })).toThrow(
      /STT_POOL_SIZE must be a whole number from 1 to 64/,
    );
  });
});

describe('createSpeechToText', () => {
  it('chooses OpenAI with an API key and PocketSphinx without', async () => {
    const external = createSpeechToText({ apiKey: 'sk-1' });
    expect(external).toBeInstanceOf(OpenAiSpeechToText);
    expect(external.name).toBe('openai:whisper-1');
    const offline = createSpeechToText({});
    expect(offline).toBeInstanceOf(PocketSphinxSpeechToText);
    expect(offline).toMatchObject({ name: 'pocketsphinx', mode: 'offline', label: 'PocketSphinx (offline)' });
    await offline.close();
    expect(createSpeechToText({ sttEngine: 'pocketsphinx', apiKey: 'sk-1' })).toBeInstanceOf(PocketSphinxSpeechToText);
    expect(
      createSpeechToText({ sttEngine: 'openai', baseUrl: 'http://whisper.local/v1', sttModel: 'large-v3' }).name,
    ).toBe('openai:large-v3');
  });

  it('says what is missing', () => {
    expect(() => createSpeechToText({ sttEngine: 'openai' })).toThrow(
      /needs an API key \(OPENAI_API_KEY\) or a compatible server \(OPENAI_BASE_URL\)/,
    );
    expect(() => createSpeechToText({ pocketsphinx: { modelDir: '/nonexistent' } })).toThrow(
      /no speech-to-text engine is available: .*install pocketsphinx pocketsphinx-en-us.*, or set OPENAI_API_KEY/,
    );
    expect(() => createSpeechToText({ sttEngine: 'vosk' as never })).toThrow(/unknown speech-to-text engine "vosk"/);
  });
});

describe('createTextToSpeech', () => {
  it('chooses by name or automatically', () => {
    expect(createTextToSpeech({ ttsEngine: 'browser', apiKey: 'sk-1' })).toBeNull();
    expect(createTextToSpeech({ apiKey: 'sk-1', ttsModel: 'tts-1-hd' })).toBeInstanceOf(OpenAiTextToSpeech);
    expect(createTextToSpeech({})).toBeInstanceOf(FliteTextToSpeech);
    expect(createTextToSpeech({ ttsEngine: 'espeak-ng', ttsVoice: 'en-gb' })).toBeInstanceOf(EspeakTextToSpeech);
    // Nothing installed where we look: the browser speaks.
    expect(createTextToSpeech({ searchPath: '/nonexistent' })).toBeNull();
  });

  it('says what is missing', () => {
    expect(() => createTextToSpeech({ ttsEngine: 'flite', searchPath: '/nonexistent' })).toThrow(
      /flite is not installed \(apt-get install flite\)/,
    );
    expect(() => createTextToSpeech({ ttsEngine: 'openai' })).toThrow(/needs an API key/);
    expect(() => createTextToSpeech({ ttsEngine: 'flite', ttsVoice: 'en-us' })).toThrow(/unknown flite voice "en-us"/);
  });
});
