import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';

/** The shared text of a question's editor, and its language, inside each document. */
export const CODE_TEXT = 'code';
export const CODE_META = 'meta';

/** Largest update a client may send at once (a paste of the largest program, with Yjs's overhead). */
export const MAX_UPDATE_BYTES = 256 * 1024;

export type CodeDocRefusal = 'stale-doc' | 'too-large' | 'malformed';

export class CodeDocError extends Error {
  constructor(
    readonly reason: CodeDocRefusal,
    message: string,
  ) {
    super(message);
  }
}

interface Held {
  doc: Y.Doc;
  /** Names this copy of the document: a client whose updates were made on another copy must load this one first. */
  epoch: string;
}

export interface CodeDocState {
  epoch: string;
  /** The whole document, as one Yjs update. */
  update: Uint8Array;
  code: string;
  language: string | null;
}

/**
 * The editors of one live interview as Yjs documents, one per coding question: the candidate's browser edits its copy
 * and sends its updates; this process applies them (checked) and passes them on to whoever watches. A document this
 * process did not have (after a restart, or a takeover by another process) starts from the last text kept, as a new
 * copy with a new epoch: clients holding the old copy load the new one rather than merge two histories of one text.
 */
export class CodeDocs {
  private readonly docs = new Map<string, Held>();

  constructor(private readonly maxChars: number) {}

  has(questionId: string): boolean {
    return this.docs.has(questionId);
  }

  /** The question's document, created from `seed` (the last text kept) when this process has none yet. */
  state(questionId: string, seed: () => { code: string; language: string | null } | null): CodeDocState {
    let held = this.docs.get(questionId);
    if (!held) {
      const start = seed();
      held = fresh(start?.code ?? '', start?.language ?? null);
      this.docs.set(questionId, held);
    }
    return describe(held);
  }

  /**
   * Applies a client's update made on copy `epoch`. Refused, leaving the document as it was, when the client's copy is
   * not this one, the update is not a Yjs update or refers to edits this copy never saw, or the text would grow past
   * the limit.
   */
  apply(questionId: string, epoch: string, update: Uint8Array): { code: string; language: string | null } {
    const held = this.docs.get(questionId);
    if (!held || held.epoch !== epoch)
      throw new CodeDocError('stale-doc', 'The editor was out of date: it has been loaded again.');
    if (update.byteLength > MAX_UPDATE_BYTES)
      throw new CodeDocError('too-large', `An edit can be up to ${MAX_UPDATE_BYTES / 1024} KiB.`);
    // Read on every keystroke: the text as it was, not the whole document encoded (that only for a trial).
    const before = { code: held.doc.getText(CODE_TEXT).toString(), language: languageOf(held.doc) };
    // An update can add no more characters than its bytes: only a large one needs a trial on a copy first.
    if (before.code.length + update.byteLength > this.maxChars) {
      const trial = new Y.Doc();
      Y.applyUpdate(trial, Y.encodeStateAsUpdate(held.doc));
      if (tryApply(trial, update) !== 'ok' || trial.getText(CODE_TEXT).length > this.maxChars) {
        throw new CodeDocError('too-large', `Code can be up to ${this.maxChars} characters.`);
      }
    }
    const applied = tryApply(held.doc, update);
    if (applied !== 'ok') {
      // Whatever part of it was taken is dropped with this copy: the clients load the text as it was.
      this.docs.set(questionId, fresh(before.code, before.language));
      throw applied === 'unreadable'
        ? new CodeDocError('malformed', 'That edit could not be read: the editor has been loaded again.')
        : new CodeDocError('stale-doc', 'The editor was out of date: it has been loaded again.');
    }
    return { code: held.doc.getText(CODE_TEXT).toString(), language: languageOf(held.doc) };
  }

  dispose(): void {
    for (const { doc } of this.docs.values()) doc.destroy();
    this.docs.clear();
  }
}

function fresh(code: string, language: string | null): Held {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (code) doc.getText(CODE_TEXT).insert(0, code);
    if (language) doc.getMap(CODE_META).set('language', language);
  });
  return { doc, epoch: randomBytes(9).toString('base64url') };
}

function tryApply(doc: Y.Doc, update: Uint8Array): 'ok' | 'unreadable' | 'elsewhere' {
  try {
    Y.applyUpdate(doc, update);
  } catch {
    return 'unreadable';
  }
  // Edits that build on ones this copy never had wait forever: the update was made on another copy.
  return doc.store.pendingStructs === null && doc.store.pendingDs === null ? 'ok' : 'elsewhere';
}

function languageOf(doc: Y.Doc): string | null {
  const language = doc.getMap(CODE_META).get('language');
  return typeof language === 'string' ? language : null;
}

function describe(held: Held): CodeDocState {
  return {
    epoch: held.epoch,
    update: Y.encodeStateAsUpdate(held.doc),
    code: held.doc.getText(CODE_TEXT).toString(),
    language: languageOf(held.doc),
  };
}
