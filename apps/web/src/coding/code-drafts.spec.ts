import { describe, expect, it } from '@jest/globals';
import type { CodingTaskView } from '@mockroom/contracts';
import { CodeDrafts, draftKey, type DraftStorage } from './code-drafts';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const task: Pick<CodingTaskView, 'questionId' | 'languages' | 'starter'> = {
  questionId: 'q1',
  languages: ['javascript', 'python'],
  starter: { javascript: 'function f() {}\n', python: 'def f():\n    pass\n' },
};

describe('CodeDrafts', () => {
  it('opens each language with its starter code and keeps what was typed per language', () => {
    const drafts = new CodeDrafts(memoryStorage(), 'i1', task);
    expect(drafts.language()).toBe('javascript');
    expect(drafts.code('javascript')).toBe('function f() {}\n');
    drafts.edit('javascript', 'function f() { return 1; }\n');
    expect(drafts.code('python')).toBe('def f():\n    pass\n');
    expect(drafts.code('javascript')).toBe('function f() { return 1; }\n');
  });

  it('finds the text and the language again after a reload, per interview and question', () => {
    const storage = memoryStorage();
    const before = new CodeDrafts(storage, 'i1', task);
    before.edit('python', 'def f():\n    return 2\n');
    before.chooseLanguage('python');
    expect(storage.items.get(draftKey('i1', 'q1', 'python'))).toBe('def f():\n    return 2\n');

    const after = new CodeDrafts(storage, 'i1', task);
    expect(after.language()).toBe('python');
    expect(after.code('python')).toBe('def f():\n    return 2\n');
    expect(new CodeDrafts(storage, 'i2', task).code('python')).toBe('def f():\n    pass\n');
  });

  it('ignores a stored language the task does not take, and storage that throws', () => {
    const storage = memoryStorage();
    storage.items.set('mockroom.code.i1.q1.language', 'typescript');
    expect(new CodeDrafts(storage, 'i1', task).language()).toBe('javascript');
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const drafts = new CodeDrafts(broken, 'i1', task);
    drafts.edit('javascript', 'x');
    expect(drafts.code('javascript')).toBe('x');
    expect(new CodeDrafts(null, 'i1', task).code('python')).toBe('def f():\n    pass\n');
  });
});
