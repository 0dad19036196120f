import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { CodeDocView, CodeLanguage, CodeSync, SocketError } from '@mockroom/contracts';
import * as Y from 'yjs';
import type { CodeDocChannel, Reply } from './code-doc';
import { CodeDocSync, RELOADED_NOTICE, type DraftBook } from './code-doc-sync';

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const task = { questionId: 'q1', languages: ['javascript', 'python'] as CodeLanguage[] };
const STARTER: Record<string, string> = { javascript: 'function f() {}\n', python: 'def f():\n    pass\n' };

function memoryDrafts(): DraftBook {
  const texts = new Map<CodeLanguage, string>();
  let chosen: CodeLanguage = 'javascript';
  return {
    language: () => chosen,
    chooseLanguage: (language) => void (chosen = language),
    code: (language) => texts.get(language) ?? STARTER[language] ?? '',
    edit: (language, code) => void texts.set(language, code),
  };
}

interface SyncRequest {
  sync: CodeSync;
  answer(reply: Reply<{ atMs: number }> | 'no-answer'): void;
}

/** The server's side: one document per epoch, each `code:sync` answered by the test. */
function fakeServer() {
  const server = {
    doc: new Y.Doc(),
    epoch: 'e1',
    language: null as CodeLanguage | null,
    requests: [] as SyncRequest[],
    states: 0,
    /** The document is loaded again as a new copy, with `code` in it. */
    reload(code: string) {
      server.doc = new Y.Doc();
      if (code) server.doc.getText('code').insert(0, code);
      server.epoch = `e${Number(server.epoch.slice(1)) + 1}`;
    },
    code: () => server.doc.getText('code').toString(),
    /** Answers the oldest request: applied to the server's document when its epoch is current. */
    accept() {
      const request = server.requests.shift();
      if (!request) throw new Error('no request');
      if (request.sync.epoch !== server.epoch) throw new Error('stale');
      Y.applyUpdate(server.doc, request.sync.update as Uint8Array);
      request.answer({ atMs: 1 });
    },
    refuse(code: string) {
      const request = server.requests.shift();
      if (!request) throw new Error('no request');
      const error: SocketError = { code, message: code };
      request.answer({ error });
    },
  };
  const channel: CodeDocChannel = {
    state: async (questionId): Promise<Reply<CodeDocView>> => {
      server.states++;
      return { questionId, epoch: server.epoch, update: Y.encodeStateAsUpdate(server.doc), language: server.language };
    },
    sync: (sync) =>
      new Promise((resolve, reject) =>
        server.requests.push({
          sync,
          answer: (reply) => (reply === 'no-answer' ? reject(new Error('timeout')) : resolve(reply)),
        }),
      ),
    onSync: () => () => undefined,
  };
  return { server, channel };
}

async function opened(code = '') {
  const { server, channel } = fakeServer();
  if (code) server.doc.getText('code').insert(0, code);
  const drafts = memoryDrafts();
  const sync = new CodeDocSync(channel, task, drafts, { batchMs: 50, retryMs: 1_000, noticeMs: 3_000 });
  sync.setLive(true);
  await flush();
  return { server, sync, drafts, text: () => sync.getState().text as Y.Text };
}

describe('CodeDocSync', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('fills an empty document with the starter code as an edit that reaches the server', async () => {
    const { server, sync } = await opened();
    expect(sync.getState()).toMatchObject({ status: 'ready', language: 'javascript', blank: false });
    expect(sync.code()).toBe(STARTER.javascript);
    expect(server.requests).toHaveLength(0);
    jest.advanceTimersByTime(50);
    expect(server.requests).toHaveLength(1);
    server.accept();
    expect(server.code()).toBe(STARTER.javascript);
    expect(server.doc.getMap('meta').get('language')).toBe('javascript');
  });

  it('keeps a document that has code, in its language', async () => {
    const { server, channel } = fakeServer();
    server.doc.getText('code').insert(0, 'x = 1\n');
    server.doc.getMap('meta').set('language', 'python');
    const sync = new CodeDocSync(channel, task, memoryDrafts(), { batchMs: 50 });
    sync.setLive(true);
    await flush();
    expect(sync.code()).toBe('x = 1\n');
    expect(sync.getState().language).toBe('python');
    jest.advanceTimersByTime(100);
    expect(server.requests).toHaveLength(0);
  });

  it('merges the edits of a moment into one update, one request at a time, never sending one twice', async () => {
    const { server, sync, text } = await opened('a');
    text().insert(1, 'b');
    text().insert(2, 'c');
    jest.advanceTimersByTime(49);
    expect(server.requests).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(server.requests).toHaveLength(1);

    // Typing on while the request is in flight: queued, merged, sent once the first is acknowledged.
    text().insert(3, 'd');
    jest.advanceTimersByTime(50);
    text().insert(4, 'e');
    jest.advanceTimersByTime(200);
    expect(server.requests).toHaveLength(1);
    expect(sync.unsent).toBe(true);
    server.accept();
    await flush();
    expect(server.code()).toBe('abc');
    expect(server.requests).toHaveLength(1);

    // The second update carries only what the first did not: alone, on a fresh document, it has nothing to build on.
    const alone = new Y.Doc();
    Y.applyUpdate(alone, server.requests[0].sync.update as Uint8Array);
    expect(alone.getText('code').toString()).toBe('');
    server.accept();
    await flush();
    expect(server.code()).toBe('abcde');
    expect(sync.unsent).toBe(false);
    jest.advanceTimersByTime(1_000);
    expect(server.requests).toHaveLength(0);
  });

  it('sends again what got no answer', async () => {
    const { server, text } = await opened('a');
    text().insert(1, 'b');
    jest.advanceTimersByTime(50);
    const first = server.requests[0].sync.update;
    server.requests.shift()?.answer('no-answer');
    await flush();
    expect(server.requests).toHaveLength(0);
    jest.advanceTimersByTime(1_000);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].sync.update).toEqual(first);
    server.accept();
    expect(server.code()).toBe('ab');
  });

  it('on stale-doc loads the server copy in place of its own, quietly, and goes on with it', async () => {
    const { server, sync, text } = await opened('base');
    const before = text();
    text().insert(4, '-local');
    jest.advanceTimersByTime(50);
    server.reload('server text');
    server.refuse('stale-doc');
    await flush();
    expect(server.states).toBe(2);
    expect(text()).not.toBe(before);
    expect(sync.code()).toBe('server text');
    expect(sync.getState().notice).toBeNull();

    text().insert(0, '// ');
    jest.advanceTimersByTime(50);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].sync.epoch).toBe('e2');
    server.accept();
    expect(server.code()).toBe('// server text');
  });

  it('says the editor was reloaded after a refusal of too-large or malformed', async () => {
    const { server, sync, text } = await opened('x');
    text().insert(1, 'y'.repeat(10));
    jest.advanceTimersByTime(50);
    server.reload('x');
    server.refuse('too-large');
    await flush();
    expect(sync.code()).toBe('x');
    expect(sync.getState().notice).toBe(RELOADED_NOTICE);
    jest.advanceTimersByTime(3_000);
    expect(sync.getState().notice).toBeNull();
  });

  it('on not-live keeps its copy and sends nothing until live again, then loads the document again', async () => {
    const { server, sync, text } = await opened('a');
    text().insert(1, 'b');
    jest.advanceTimersByTime(50);
    server.refuse('not-live');
    await flush();
    expect(sync.getState().paused).toBe(true);
    text().insert(2, 'c');
    jest.advanceTimersByTime(5_000);
    expect(server.requests).toHaveLength(0);
    expect(sync.code()).toBe('abc');

    sync.setLive(false);
    sync.setLive(true);
    await flush();
    expect(sync.getState().paused).toBe(false);
    expect(server.states).toBe(2);
    expect(sync.code()).toBe('a');
  });

  it('sends the last edits at once when closed (the editor moves to another question)', async () => {
    const { server, sync, text } = await opened('a');
    text().insert(1, 'b');
    sync.close();
    expect(server.requests).toHaveLength(1);
    server.accept();
    expect(server.code()).toBe('ab');
  });

  it('sends nothing while not live', async () => {
    const { server, sync, text } = await opened('a');
    sync.setLive(false);
    text().insert(1, 'b');
    jest.advanceTimersByTime(500);
    expect(server.requests).toHaveLength(0);
  });

  it('switches languages in one edit, keeping each language’s code in this browser', async () => {
    const { server, sync, text, drafts } = await opened();
    text().insert(text().length, '// mine\n');
    jest.advanceTimersByTime(50);
    server.accept();
    await flush();

    sync.switchLanguage('python');
    expect(sync.code()).toBe(STARTER.python);
    expect(sync.getState().language).toBe('python');
    expect(drafts.language()).toBe('python');
    jest.advanceTimersByTime(50);
    expect(server.requests).toHaveLength(1);
    server.accept();
    expect(server.code()).toBe(STARTER.python);
    expect(server.doc.getMap('meta').get('language')).toBe('python');

    sync.switchLanguage('javascript');
    expect(sync.code()).toBe(`${STARTER.javascript}// mine\n`);
  });

  it('gives up loading after a few tries, and can be asked again', async () => {
    const channel: CodeDocChannel = {
      state: jest.fn(() => Promise.reject(new Error('timeout'))),
      sync: () => Promise.reject(new Error('unused')),
      onSync: () => () => undefined,
    };
    const sync = new CodeDocSync(channel, task, memoryDrafts());
    sync.setLive(true);
    for (let i = 0; i < 4; i++) {
      await flush();
      jest.advanceTimersByTime(10_000);
    }
    await flush();
    expect(sync.getState().status).toBe('failed');
    expect(channel.state).toHaveBeenCalledTimes(4);
    sync.retry();
    expect(channel.state).toHaveBeenCalledTimes(5);
  });
});
