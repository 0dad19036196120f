import type { CodeLanguage, CodingTaskView } from '@mockroom/contracts';
import * as Y from 'yjs';
import { isErrorReply } from '../shared/live/live-connection';
import type { CodeDrafts } from './code-drafts';
import { CODE_META, CODE_TEXT, CodeDocHolder, type CodeDocChannel, type CodeDocState, type Reply } from './code-doc';

/** The code per language kept in this browser (see CodeDrafts). */
export type DraftBook = Pick<CodeDrafts, 'language' | 'chooseLanguage' | 'code' | 'edit'>;

export interface CodeDocSyncOptions {
  /** Edits made within this long go as one update. */
  batchMs?: number;
  /** After a request got no answer, how long before sending again. */
  retryMs?: number;
  noticeMs?: number;
}

/** Short enough that the AI interviewer sees the candidate typing at once, long enough to group keystrokes. */
export const SYNC_BATCH_MS = 60;
const SYNC_RETRY_MS = 1_000;
const NOTICE_MS = 5_000;
export const RELOADED_NOTICE = 'The editor was reloaded.';

/** The browser's own edits that are not typing (the starter code, a language switch): sent, but not undoable. */
const LOCAL_ORIGIN = Symbol('code-doc:local');

/** Refusals that mean the server's document was loaded again (a new epoch): load it and drop the local copy. */
const RELOAD_CODES = new Set(['stale-doc', 'malformed', 'too-large']);
/** Of those, the ones the candidate is told about (a stale copy after a rejoin is nothing to report). */
const NOTICE_CODES = new Set(['malformed', 'too-large']);

/**
 * The candidate's editor of one question as a shared document: loads the server's copy, fills an empty one with the
 * starter code, switches languages, and sends each local edit as `code:sync` promptly (the AI interviewer counts
 * typing as activity): edits made within `batchMs` are merged into one update, one request is in flight at a time, the
 * rest wait merged, and nothing acknowledged is sent again. A refusal that means "the document was reloaded" loads the
 * server's copy and drops the local one; `not-live` keeps the local copy and sends nothing until live again.
 */
export class CodeDocSync extends CodeDocHolder {
  private pending: Uint8Array[] = [];
  private inFlight = false;
  private paused = false;
  /** Bumped per document loaded: the answer to an edit of an older copy changes nothing. */
  private generation = 0;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private undo: Y.UndoManager | null = null;
  private readonly batchMs: number;
  private readonly retryMs: number;
  private readonly noticeMs: number;

  constructor(
    channel: CodeDocChannel,
    task: Pick<CodingTaskView, 'questionId' | 'languages'>,
    private readonly drafts: DraftBook,
    options: CodeDocSyncOptions = {},
  ) {
    super(channel, task.questionId, task.languages);
    this.batchMs = options.batchMs ?? SYNC_BATCH_MS;
    this.retryMs = options.retryMs ?? SYNC_RETRY_MS;
    this.noticeMs = options.noticeMs ?? NOTICE_MS;
  }

  /** Edits not yet acknowledged, waiting or in flight. */
  get unsent(): boolean {
    return this.pending.length > 0 || this.inFlight;
  }

  /** Shows `language`'s code (as left in this browser, or its starter code) in place of the current one. */
  switchLanguage(language: CodeLanguage): void {
    const doc = this.doc;
    const current = this.getState().language;
    if (!doc || !this.allowed(language) || language === current) return;
    const text = doc.getText(CODE_TEXT);
    if (current) this.drafts.edit(current, text.toString());
    this.drafts.chooseLanguage(language);
    const code = this.drafts.code(language);
    doc.transact(() => {
      text.delete(0, text.length);
      if (code) text.insert(0, code);
      doc.getMap(CODE_META).set('language', language);
    }, LOCAL_ORIGIN);
    // Undo must not walk back into another language's code.
    this.undo?.clear();
  }

  /** Stops; the last edits still go (the editor moves to another question right after typing). */
  override close(): void {
    if (this.closed) return;
    for (const timer of [this.batchTimer, this.retryTimer, this.noticeTimer]) if (timer) clearTimeout(timer);
    if (this.live && !this.paused && !this.loading && this.epoch && this.pending.length > 0) {
      const update = Y.mergeUpdates(this.pending);
      this.channel.sync({ questionId: this.questionId, epoch: this.epoch, update }).catch(() => undefined);
    }
    this.pending = [];
    this.undo?.destroy();
    super.close();
  }

  protected override liveChanged(live: boolean): void {
    if (live && this.paused) {
      this.paused = false;
      this.patch({ paused: false });
    }
  }

  protected override loaded(doc: Y.Doc, language: CodeLanguage | null): Partial<CodeDocState> {
    this.generation++;
    this.pending = [];
    const text = doc.getText(CODE_TEXT);
    const meta = doc.getMap(CODE_META);
    const chosen = this.languageOf(doc, language) ?? this.drafts.language();
    this.drafts.chooseLanguage(chosen);
    // A new document: the code left in this browser for the language, or its starter code, as an edit that syncs.
    doc.transact(() => {
      if (text.length === 0) {
        const code = this.drafts.code(chosen);
        if (code) text.insert(0, code);
      }
      if (meta.get('language') !== chosen) meta.set('language', chosen);
    }, LOCAL_ORIGIN);
    this.drafts.edit(chosen, text.toString());
    this.undo?.destroy();
    this.undo = new Y.UndoManager(text);
    return { undoManager: this.undo };
  }

  protected override textChanged(text: Y.Text): void {
    super.textChanged(text);
    const language = this.doc ? this.languageOf(this.doc, null) : null;
    if (language) this.drafts.edit(language, text.toString());
  }

  protected override localUpdate(update: Uint8Array): void {
    if (this.closed) return;
    this.pending.push(update);
    this.batchTimer ??= setTimeout(() => {
      this.batchTimer = null;
      this.flush();
    }, this.batchMs);
  }

  private flush(): void {
    if (this.batchTimer || this.inFlight || !this.live || this.paused || this.loading || this.closed) return;
    const epoch = this.epoch;
    if (!epoch || this.pending.length === 0) return;
    const update = this.pending.length === 1 ? this.pending[0] : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.inFlight = true;
    const generation = this.generation;
    this.channel.sync({ questionId: this.questionId, epoch, update }).then(
      (reply) => this.settle(generation, update, reply),
      () => this.settle(generation, update, null),
    );
  }

  private settle(generation: number, update: Uint8Array, reply: Reply<{ atMs: number }> | null): void {
    this.inFlight = false;
    if (this.closed) return;
    if (generation !== this.generation) {
      this.flush();
      return;
    }
    if (reply === null) {
      // No answer: it may have been taken or not. Sending it again is harmless (Yjs skips what it already has).
      this.pending.unshift(update);
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        this.flush();
      }, this.retryMs);
      return;
    }
    if (!isErrorReply(reply)) {
      this.flush();
      return;
    }
    const code = reply.error.code;
    if (RELOAD_CODES.has(code)) {
      if (NOTICE_CODES.has(code)) this.notify(RELOADED_NOTICE);
      void this.load();
      return;
    }
    // `not-live` (or anything else refused): the edits stay here until the page is live again.
    this.pending.unshift(update);
    this.paused = true;
    this.patch({ paused: true });
  }

  private notify(notice: string): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.patch({ notice });
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = null;
      this.patch({ notice: null });
    }, this.noticeMs);
  }
}
