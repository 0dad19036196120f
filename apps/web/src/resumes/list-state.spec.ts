import { describe, expect, it } from '@jest/globals';
import { mergeList } from './list-state';

const a = { id: 'a', n: 1 };
const b = { id: 'b', n: 2 };
const c = { id: 'c', n: 3 };

describe('mergeList', () => {
  it('is undefined until the list has loaded', () => {
    expect(mergeList(undefined, [a], [])).toBeUndefined();
  });

  it('puts what was just made first, once, and leaves the deleted out', () => {
    expect(mergeList([b, c], [a], [])).toEqual([a, b, c]);
    expect(mergeList([a, b, c], [a], [])).toEqual([a, b, c]);
    expect(mergeList([b, c], [a], ['c'])).toEqual([a, b]);
    expect(mergeList([b], [a], ['a'])).toEqual([b]);
  });
});
