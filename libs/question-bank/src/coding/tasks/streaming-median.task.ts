import type { CodingTask } from '../coding-task';

/** A deterministic stream of integers (a linear congruential generator), so large tests need no stored data. */
function stream(length: number, seed: number, span: number): number[] {
  const values: number[] = [];
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    values.push((state % (2 * span + 1)) - span);
  }
  return values;
}

function medians(values: number[]): number[] {
  const sorted: number[] = [];
  return values.map((v) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    sorted.splice(lo, 0, v);
    const n = sorted.length;
    return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  });
}

export const streamingMedianTask: CodingTask = {
  questionId: 'streaming-median-two-heaps',
  entry: 'MedianFinder',
  statement: [
    'Write a class `MedianFinder` that takes a stream of integers one at a time and can tell the median of everything',
    'it has seen so far.',
    '',
    '- `add(num)` adds an integer to the stream.',
    '- `median()` returns the median of the integers added so far: the middle one when their count is odd, the',
    '  average of the two middle ones when it is even (so it may be a fraction, e.g. 1.5).',
    '',
    'Each `add` should take O(log n) time and `median` O(1). The tests call `add` then `median` after every number,',
    'with streams of up to 50,000 integers.',
  ].join('\n'),
  languages: ['javascript', 'typescript', 'python'],
  starter: {
    javascript: `class MedianFinder {
  constructor() {
    // your state here
  }

  add(num) {
    // add one integer
  }

  median() {
    // the median of all integers added so far
  }
}
`,
    typescript: `class MedianFinder {
  constructor() {
    // your state here
  }

  add(num: number): void {
    // add one integer
  }

  median(): number {
    // the median of all integers added so far
    return 0;
  }
}
`,
    python: `class MedianFinder:
    def __init__(self):
        # your state here
        pass

    def add(self, num: int) -> None:
        # add one integer
        pass

    def median(self) -> float:
        # the median of all integers added so far
        pass
`,
  },
  call: {
    javascript: `const finder = new entry();
return input.map((n) => { finder.add(n); return finder.median(); });`,
    python: `finder = entry()
out = []
for n in input:
    finder.add(n)
    out.append(finder.median())
return out`,
  },
  tests: [
    { name: 'the example stream', input: [5, 15, 1, 3], hidden: false },
    { name: 'a single number', input: [7], hidden: false },
    { name: 'two numbers average', input: [1, 2], hidden: false },
    { name: 'negative numbers and duplicates', input: [-3, -3, 4, -1, 4, 4, 0], hidden: true },
    { name: 'a descending stream', input: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], hidden: true },
    { name: 'an ascending stream', input: Array.from({ length: 21 }, (_, i) => i * 2), hidden: true },
    { name: 'all equal', input: [2, 2, 2, 2, 2], hidden: true },
    { name: '1,000 random integers', input: stream(1_000, 7, 1_000), hidden: true },
    { name: '50,000 random integers', input: stream(50_000, 42, 1_000_000), hidden: true },
  ],
  oracle: (input) => medians(input as number[]),
  reference: {
    javascript: `class Heap {
  constructor(before) { this.items = []; this.before = before; }
  get size() { return this.items.length; }
  peek() { return this.items[0]; }
  push(value) {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let best = i;
        if (l < a.length && this.before(a[l], a[best])) best = l;
        if (r < a.length && this.before(a[r], a[best])) best = r;
        if (best === i) break;
        [a[i], a[best]] = [a[best], a[i]];
        i = best;
      }
    }
    return top;
  }
}

class MedianFinder {
  constructor() {
    this.low = new Heap((a, b) => a > b);  // max-heap: the lower half
    this.high = new Heap((a, b) => a < b); // min-heap: the upper half
  }
  add(num) {
    if (this.low.size === 0 || num <= this.low.peek()) this.low.push(num);
    else this.high.push(num);
    if (this.low.size > this.high.size + 1) this.high.push(this.low.pop());
    else if (this.high.size > this.low.size) this.low.push(this.high.pop());
  }
  median() {
    if (this.low.size > this.high.size) return this.low.peek();
    return (this.low.peek() + this.high.peek()) / 2;
  }
}
`,
    typescript: `class Heap {
  private items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}
  get size(): number { return this.items.length; }
  peek(): number { return this.items[0]; }
  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let best = i;
        if (l < a.length && this.before(a[l], a[best])) best = l;
        if (r < a.length && this.before(a[r], a[best])) best = r;
        if (best === i) break;
        [a[i], a[best]] = [a[best], a[i]];
        i = best;
      }
    }
    return top;
  }
}

export class MedianFinder {
  private low = new Heap((a, b) => a > b);
  private high = new Heap((a, b) => a < b);
  add(num: number): void {
    if (this.low.size === 0 || num <= this.low.peek()) this.low.push(num);
    else this.high.push(num);
    if (this.low.size > this.high.size + 1) this.high.push(this.low.pop());
    else if (this.high.size > this.low.size) this.low.push(this.high.pop());
  }
  median(): number {
    if (this.low.size > this.high.size) return this.low.peek();
    return (this.low.peek() + this.high.peek()) / 2;
  }
}
`,
    python: `import heapq

class MedianFinder:
    def __init__(self):
        self.low = []   # max-heap of the lower half, as negated values (heapq is a min-heap)
        self.high = []  # min-heap of the upper half

    def add(self, num):
        if not self.low or num <= -self.low[0]:
            heapq.heappush(self.low, -num)
        else:
            heapq.heappush(self.high, num)
        if len(self.low) > len(self.high) + 1:
            heapq.heappush(self.high, -heapq.heappop(self.low))
        elif len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self):
        if len(self.low) > len(self.high):
            return -self.low[0]
        return (-self.low[0] + self.high[0]) / 2
`,
  },
};
