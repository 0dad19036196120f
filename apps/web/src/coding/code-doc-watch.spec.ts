import { describe, expect, it } from '@jest/globals';
import type { CodeDocView, CodeSync } from '@mockroom/contracts';
import * as Y from 'yjs';
import type { CodeDocChannel } from './code-doc';
import { CodeDocWatch } from './code-doc-watch';

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** The candidate's document on the server, and the edits it passes on to the watcher. */
function setup() {
  let server = new Y.Doc();
  let epoch = 'e1';
  let emit: (sync: CodeSync) => void = () => undefined;
  let states = 0;
  const channel: CodeDocChannel = {
    state: async (questionId): Promise<CodeDocView> => {
      states++;
      return { questionId, epoch, update: Y.encodeStateAsUpdate(server), language: 'python' };
    },
    sync: () => Promise.reject(new Error('a watcher sends nothing')),
    onSync: (listener) => {
      emit = listener;
      return () => (emit = () => undefined);
    },
  };
  const edit = (change: (text: Y.Text) => void, questionId = 'q1') => {
    const before = Y.encodeStateVector(server);
    change(server.getText('code'));
    emit({ questionId, epoch, update: Y.encodeStateAsUpdate(server, before) });
  };
  const reload = (code: string) => {
    server = new Y.Doc();
    server.getText('code').insert(0, code);
    epoch = 'e2';
    emit({ questionId: 'q1', epoch, update: Y.encodeStateAsUpdate(server) });
  };
  const watch = new CodeDocWatch(channel, 'q1', ['javascript', 'python']);
  watch.open();
  return { watch, edit, reload, states: () => states, server: () => server };
}

describe('CodeDocWatch', () => {
  it('loads the document, then follows the edits of its question', async () => {
    const { watch, edit, server } = setup();
    server().getText('code').insert(0, 'def f():\n');
    server().getMap('meta').set('language', 'python');
    watch.setLive(true);
    await flush();
    expect(watch.code()).toBe('def f():\n');
    expect(watch.getState().language).toBe('python');
    edit((text) => text.insert(text.length, '    return 1\n'));
    edit((text) => text.insert(0, 'nothing'), 'q2');
    expect(watch.code()).toBe('def f():\n    return 1\n');
    expect(watch.getState().chars).toBe(22);
  });

  it('takes an edit of another copy as the whole new document', async () => {
    const { watch, edit, reload } = setup();
    watch.setLive(true);
    await flush();
    edit((text) => text.insert(0, 'old'));
    const before = watch.getState().text;
    reload('new copy');
    expect(watch.getState().text).not.toBe(before);
    expect(watch.code()).toBe('new copy');
  });

  it('loads again after missing an edit, and after a rejoin', async () => {
    const { watch, edit, server, states } = setup();
    watch.setLive(true);
    await flush();
    server().getText('code').insert(0, 'missed ');
    edit((text) => text.insert(text.length, 'seen'));
    await flush();
    expect(states()).toBe(2);
    expect(watch.code()).toBe('missed seen');
    watch.setLive(false);
    watch.setLive(true);
    await flush();
    expect(states()).toBe(3);
  });
});
