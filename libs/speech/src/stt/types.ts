export interface SttWord {
  word: string;
  /** Offsets from the start of the audio given to `transcribe`, in ms. */
  startMs: number;
  endMs: number;
}

export interface SttResult {
  text: string;
  words?: SttWord[];
  /** Name of the engine that produced it, e.g. "pocketsphinx". */
  engine: string;
}

export interface TranscribeOptions {
  /** Words and phrases likely in the speech (the question's key terms); what each engine does with them is documented on it. */
  hints?: string[];
  signal?: AbortSignal;
}

/** One utterance transcribed while it is spoken: feed audio as it arrives, then end it for the final text. */
export interface SpeechStream {
  /**
   * Queues more 16 kHz mono Int16 samples; resolves with the words recognised so far (the engine's partial
   * hypothesis, replaced by the final text at the end), or null before it has any; rejects if the engine failed
   * (then end() rejects too).
   */
  feed(pcm16k: Int16Array): Promise<string | null>;
  /** The final transcript of everything fed. */
  end(): Promise<SttResult>;
  /** Drops the utterance and frees what it held. */
  abort(): void;
}

export interface OpenStreamOptions extends Omit<TranscribeOptions, 'signal'> {
  /** How long to wait for room to stream (default 0: only if there is room now). */
  waitMs?: number;
}

export interface SpeechToText {
  /** e.g. "pocketsphinx", "openai:whisper-1" */
  readonly name: string;
  /** For the UI, e.g. "PocketSphinx (offline)" */
  readonly label: string;
  readonly mode: 'offline' | 'external';
  /** 16 kHz mono Int16 samples in, text out. */
  transcribe(pcm16k: Int16Array, options?: TranscribeOptions): Promise<SttResult>;
  /**
   * Starts transcribing an utterance that is still being spoken, where the engine can and has room now (or within
   * `waitMs`, while the utterance's audio is kept for it); null means "transcribe it whole when it ends".
   */
  openStream?(options?: OpenStreamOptions): Promise<SpeechStream | null>;
  /** Loads models (and builds what must be built) ahead of the first request, where the engine has anything to load. */
  start?(): Promise<void>;
  /** Releases processes and connections; the engine is unusable afterwards. */
  close(): Promise<void>;
}
