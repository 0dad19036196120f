import type { CodeDocView, CodeLanguage, CodeSync, SocketError } from '@mockroom/contracts';
import * as Y from 'yjs';
import { isErrorReply, type LiveSocket } from '../shared/live/live-connection';

/** Where the code and its language live inside each question's document (the server reads the same names). */
export const CODE_TEXT = 'code';
export const CODE_META = 'meta';

/** The origin of transactions that load or apply the server's document: they are never sent back. */
export const REMOTE_ORIGIN = Symbol('code-doc:remote');

export type Reply<T> = T | { error: SocketError };

/** What a question's document needs of the live socket. A request with no answer in time rejects. */
export interface CodeDocChannel {
  state(questionId: string): Promise<Reply<CodeDocView>>;
  sync(sync: CodeSync): Promise<Reply<{ atMs: number }>>;
  /** The server's edits, for a watcher (the interviewer of a session). */
  onSync(listener: (sync: CodeSync) => void): () => void;
}

const ACK_TIMEOUT_MS = 10_000;

export function codeDocChannel(socket: LiveSocket): CodeDocChannel {
  return {
    state: (questionId) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('code:state', questionId),
    sync: (sync) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('code:sync', sync),
    onSync: (listener) => {
      socket.on('code:sync', listener);
      return () => void socket.off('code:sync', listener);
    },
  };
}

/** Binary from socket.io arrives as an ArrayBuffer in the browser. */
export function toBytes(update: Uint8Array | ArrayBuffer): Uint8Array {
  return update instanceof Uint8Array ? update : new Uint8Array(update);
}

export type CodeDocStatus = 'loading' | 'ready' | 'failed';

export interface CodeDocState {
  /** The shared text the editor binds to; null until the document is loaded. */
  text: Y.Text | null;
  /** The undo history of the candidate's own typing (null for a watcher). */
  undoManager: Y.UndoManager | null;
  language: CodeLanguage | null;
  status: CodeDocStatus;
  chars: number;
  lines: number;
  blank: boolean;
  /** The server takes no edits now (the interview is not running): they stay in this browser. */
  paused: boolean;
  /** A short word on something that happened to the editor, shown for a few seconds. */
  notice: string | null;
}

const INITIAL: CodeDocState = {
  text: null,
  undoManager: null,
  language: null,
  status: 'loading',
  chars: 0,
  lines: 1,
  blank: true,
  paused: false,
  notice: null,
};

/** Waits before asking for the document again when it could not be loaded. */
const LOAD_RETRY_MS = [1_000, 3_000, 8_000];

/**
 * A question's editor as a Yjs document held in this browser: loaded whole from the server (`code:state`) each time
 * the page becomes live, since after a rejoin the server may be another process holding another copy (epoch). A new
 * copy always replaces the local one rather than being merged into it, so one text never gets two histories.
 */
export abstract class CodeDocHolder {
  protected doc: Y.Doc | null = null;
  protected epoch: string | null = null;
  protected live = false;
  protected closed = false;
  private state: CodeDocState = INITIAL;
  private readonly listeners = new Set<() => void>();
  /** Bumped per load, so only the latest request's answer is used. */
  private loadSeq = 0;
  private loadingNow = false;
  private loadAttempts = 0;
  private loadRetry: ReturnType<typeof setTimeout> | null = null;
  private detach: (() => void) | null = null;

  constructor(
    protected readonly channel: CodeDocChannel,
    readonly questionId: string,
    protected readonly languages: readonly CodeLanguage[],
  ) {}

  getState = (): CodeDocState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The code as it is now. */
  code(): string {
    return this.doc?.getText(CODE_TEXT).toString() ?? '';
  }

  /** Joined and able to talk about the document; each time it becomes so, the document is loaded again. */
  setLive(live: boolean): void {
    if (live === this.live || this.closed) return;
    this.live = live;
    this.liveChanged(live);
    if (!live) return;
    this.loadAttempts = 0;
    void this.load();
  }

  /** Asks for the document again (after it could not be loaded). */
  retry(): void {
    this.loadAttempts = 0;
    void this.load();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.loadSeq++;
    if (this.loadRetry) clearTimeout(this.loadRetry);
    this.detach?.();
    this.doc?.destroy();
    this.listeners.clear();
  }

  protected get loading(): boolean {
    return this.loadingNow;
  }

  protected patch(patch: Partial<CodeDocState>): void {
    if (this.closed) return;
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  /** A language the task takes, or null. */
  protected allowed(language: unknown): CodeLanguage | null {
    return this.languages.find((l) => l === language) ?? null;
  }

  protected liveChanged(_live: boolean): void {
    // Nothing by default.
  }

  /** The document was replaced by `doc` (listeners already attached); returns what else the state gets. */
  protected loaded(_doc: Y.Doc, _language: CodeLanguage | null): Partial<CodeDocState> {
    return {};
  }

  /** An update this browser made (typing, a language switch, the starter code). */
  protected localUpdate(_update: Uint8Array): void {
    // Nothing by default.
  }

  protected textChanged(text: Y.Text): void {
    this.patch(measure(text.toString()));
  }

  protected languageOf(doc: Y.Doc, fallback: CodeLanguage | null): CodeLanguage | null {
    return this.allowed(doc.getMap(CODE_META).get('language')) ?? fallback;
  }

  /** Loads the server's document and replaces the local one with it. */
  protected async load(): Promise<void> {
    if (this.closed) return;
    if (this.loadRetry) clearTimeout(this.loadRetry);
    this.loadRetry = null;
    const seq = ++this.loadSeq;
    this.loadingNow = true;
    if (!this.doc) this.patch({ status: 'loading' });
    let reply: Reply<CodeDocView> | null;
    try {
      reply = await this.channel.state(this.questionId);
    } catch {
      reply = null;
    }
    if (seq !== this.loadSeq || this.closed) return;
    this.loadingNow = false;
    if (reply && !isErrorReply(reply)) {
      this.loadAttempts = 0;
      this.replace(reply.epoch, toBytes(reply.update), this.allowed(reply.language));
      return;
    }
    const delay = LOAD_RETRY_MS[this.loadAttempts++];
    if (delay === undefined || !this.live) {
      if (!this.doc) this.patch({ status: 'failed' });
      return;
    }
    this.loadRetry = setTimeout(() => void this.load(), delay);
  }

  /** Makes `update` (a whole document) the local document, copy `epoch`. */
  protected replace(epoch: string, update: Uint8Array, language: CodeLanguage | null): void {
    this.detach?.();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update, REMOTE_ORIGIN);
    const text = doc.getText(CODE_TEXT);
    const meta = doc.getMap(CODE_META);
    const onUpdate = (change: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE_ORIGIN && doc === this.doc) this.localUpdate(change);
    };
    const onText = () => this.textChanged(text);
    const onMeta = () => this.patch({ language: this.languageOf(doc, this.state.language) });
    doc.on('update', onUpdate);
    text.observe(onText);
    meta.observe(onMeta);
    this.detach = () => {
      doc.off('update', onUpdate);
      text.unobserve(onText);
      meta.unobserve(onMeta);
    };
    // A replaced document is left to the garbage collector: an editor may still be bound to it until it re-renders.
    this.doc = doc;
    this.epoch = epoch;
    const extra = this.loaded(doc, language);
    this.patch({
      ...extra,
      text,
      status: 'ready',
      language: this.languageOf(doc, language ?? this.state.language),
      ...measure(text.toString()),
    });
  }
}

function measure(code: string): Pick<CodeDocState, 'chars' | 'lines' | 'blank'> {
  let lines = 1;
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lines++;
  return { chars: code.length, lines, blank: code.trim() === '' };
}
