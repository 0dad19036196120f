import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { CodeRunRequest, CodeRunView } from '@mockroom/contracts';
import { ApiError } from '../shared/api/client';
import { CodingStore, type CodingChannel } from './coding-store';

function view(patch: Partial<CodeRunView>): CodeRunView {
  return {
    id: 'r1',
    interviewId: 'i1',
    questionId: 'q1',
    kind: 'run',
    language: 'python',
    status: 'queued',
    verdict: null,
    message: null,
    stdout: '',
    stderr: '',
    tests: [],
    passed: 0,
    total: 0,
    atMs: 5_000,
    code: 'x = 1',
    createdAt: '2025-01-01T10:00:05.000Z',
    finishedAt: null,
    durationMs: null,
    by: 'candidate',
    ...patch,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function setup(earlier: CodeRunView[] = []) {
  let emit: (run: CodeRunView) => void = () => undefined;
  const channel: CodingChannel = {
    onRun: (listener) => {
      emit = listener;
      return () => (emit = () => undefined);
    },
  };
  const api = {
    runs: jest.fn((_id: string) => Promise.resolve(earlier)),
    run: jest.fn((_id: string, body: CodeRunRequest) => Promise.resolve(view({ code: body.code, kind: body.kind }))),
  };
  const store = new CodingStore('i1', channel, api);
  return { store, api, emit: (run: CodeRunView) => emit(run) };
}

const request: CodeRunRequest = { questionId: 'q1', language: 'python', code: 'x = 1', kind: 'run' };

describe('CodingStore', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('loads earlier runs on open and follows code:run events by id', async () => {
    const { store, emit } = setup([view({ id: 'old', status: 'done', createdAt: '2025-01-01T10:00:00.000Z' })]);
    store.open();
    await flush();
    expect(store.getState().loaded).toBe(true);
    emit(view({ id: 'r1', status: 'running' }));
    emit(view({ id: 'r1', status: 'done', passed: 1, total: 1 }));
    emit(view({ id: 'x', interviewId: 'another' }));
    expect(store.getState().runs.map((r) => [r.id, r.status])).toEqual([
      ['old', 'done'],
      ['r1', 'done'],
    ]);
  });

  it('asks for a run, and is busy until the run ends', async () => {
    const { store, api, emit } = setup();
    store.open();
    store.setLive(true);
    const asked = store.run(request);
    expect(store.busy).toBe(true);
    await asked;
    expect(api.run).toHaveBeenCalledWith('i1', request);
    expect(store.getState().runs.map((r) => r.status)).toEqual(['queued']);
    expect(store.busy).toBe(true);
    await store.run(request);
    expect(api.run).toHaveBeenCalledTimes(1);
    emit(view({ status: 'done', passed: 2, total: 2 }));
    expect(store.busy).toBe(false);
  });

  it('shows why a run was refused, and looks for the run still going on a 409', async () => {
    const { store, api } = setup();
    store.open();
    await flush();
    api.run.mockRejectedValueOnce(new ApiError(409, 'A run is still going: its result comes in a moment.'));
    api.runs.mockResolvedValueOnce([view({ id: 'other', status: 'running' })]);
    await store.run(request);
    await flush();
    expect(store.getState().runError).toBe('A run is still going: its result comes in a moment.');
    expect(store.getState().runs.map((r) => r.id)).toEqual(['other']);
    expect(store.busy).toBe(true);
  });

  it('looks a run up again when its event does not come', async () => {
    const { store, api } = setup();
    store.open();
    await store.run(request);
    api.runs.mockResolvedValueOnce([view({ status: 'done', passed: 1, total: 1 })]);
    jest.advanceTimersByTime(15_000);
    await flush();
    expect(store.getState().runs[0].status).toBe('done');
    expect(store.busy).toBe(false);
  });

  it('catches up on runs after a rejoin', async () => {
    const { store, api } = setup();
    store.open();
    await flush();
    store.setLive(true);
    expect(api.runs).toHaveBeenCalledTimes(1);
    store.setLive(false);
    store.setLive(true);
    expect(api.runs).toHaveBeenCalledTimes(2);
    store.close();
  });

  it('refuses code longer than the limit without asking', async () => {
    const { store, api } = setup();
    await store.run({ ...request, code: 'x'.repeat(64_001) });
    expect(api.run).not.toHaveBeenCalled();
    expect(store.getState().runError).toMatch(/up to 64,000 characters/);
  });
});
