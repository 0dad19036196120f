import * as Y from 'yjs';
import { CODE_META, CODE_TEXT, CodeDocError, CodeDocs } from './code-docs';

/** A browser's copy of a question's document: loaded from the server's state, edited, its updates collected. */
function client(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, text: doc.getText(CODE_TEXT), updates };
}

describe('the editors of a live interview as shared documents', () => {
  it('starts from the last kept text and merges a client’s edits', () => {
    const docs = new CodeDocs(1000);
    const first = docs.state('q', () => ({ code: 'def f():\n    pass\n', language: 'python' }));
    expect(first).toMatchObject({ code: 'def f():\n    pass\n', language: 'python' });
    const browser = client(first.update);
    browser.text.insert(9, '    # think\n');
    browser.doc.getMap(CODE_META).set('language', 'python');
    for (const update of browser.updates) docs.apply('q', first.epoch, update);
    expect(docs.state('q', () => null)).toMatchObject({
      code: 'def f():\n    # think\n    pass\n',
      epoch: first.epoch,
    });

    // A watcher (the interviewer) holding a copy sees the same text from the same updates.
    const watcher = client(first.update);
    for (const update of browser.updates) Y.applyUpdate(watcher.doc, update);
    expect(watcher.text.toString()).toBe('def f():\n    # think\n    pass\n');
  });

  it('refuses edits made on another copy, unreadable edits and oversized text, keeping the text as it was', () => {
    const docs = new CodeDocs(40);
    const state = docs.state('q', () => null);
    const browser = client(state.update);
    browser.text.insert(0, 'x = 1\n');
    expect(() => docs.apply('q', 'another-copy', browser.updates[0])).toThrow(CodeDocError);
    docs.apply('q', state.epoch, browser.updates[0]);

    // An edit on top of one the server never saw.
    const elsewhere = new Y.Doc();
    elsewhere.getText(CODE_TEXT).insert(0, 'abc');
    const seen = Y.encodeStateVector(elsewhere);
    elsewhere.getText(CODE_TEXT).insert(3, 'def');
    const orphan = Y.encodeStateAsUpdate(elsewhere, seen);
    expect(() => docs.apply('q', state.epoch, orphan)).toThrow(expect.objectContaining({ reason: 'stale-doc' }));
    const reloaded = docs.state('q', () => null);
    expect(reloaded.code).toBe('x = 1\n');
    expect(reloaded.epoch).not.toBe(state.epoch);

    expect(() => docs.apply('q', reloaded.epoch, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
      expect.objectContaining({ reason: 'malformed' }),
    );
    const again = docs.state('q', () => null);
    expect(again.code).toBe('x = 1\n');

    const big = client(again.update);
    big.text.insert(6, 'y'.repeat(50));
    expect(() => docs.apply('q', again.epoch, big.updates[0])).toThrow(
      expect.objectContaining({ reason: 'too-large' }),
    );
    // Refused on a trial copy: the document and its epoch are unchanged.
    expect(docs.state('q', () => null)).toMatchObject({ code: 'x = 1\n', epoch: again.epoch });
  });
});
