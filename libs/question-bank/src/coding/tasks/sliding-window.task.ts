import type { CodingTask } from '../coding-task';
import { sameValue } from '../same-value';

interface LogEntry {
  user_id: string;
  timestamp: number;
}

interface Input {
  logs: LogEntry[];
  k: number;
}

function overLimit({ logs, k }: Input): string[] {
  const byUser = new Map<string, number[]>();
  for (const { user_id, timestamp } of logs) {
    const list = byUser.get(user_id) ?? [];
    list.push(timestamp);
    byUser.set(user_id, list);
  }
  const users: string[] = [];
  for (const [user, times] of byUser) {
    times.sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= 60) start++;
      if (end - start + 1 > k) {
        users.push(user);
        break;
      }
    }
  }
  return users.sort();
}

/** A day of traffic from many users, shuffled, with a few bursts; deterministic. */
function traffic(entries: number, users: number, seed: number): LogEntry[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648);
  const logs: LogEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const user = `u${next() % users}`;
    const burst = next() % 50 === 0;
    const base = next() % 86_400;
    const count = burst ? 8 : 1;
    for (let j = 0; j < count && logs.length < entries; j++)
      logs.push({ user_id: user, timestamp: base + (burst ? next() % 40 : 0) });
  }
  for (let i = logs.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [logs[i], logs[j]] = [logs[j], logs[i]];
  }
  return logs;
}

const log = (user_id: string, ...timestamps: number[]): LogEntry[] =>
  timestamps.map((timestamp) => ({ user_id, timestamp }));

export const slidingWindowTask: CodingTask = {
  questionId: 'sliding-window-request-counts',
  entry: 'usersOverLimit',
  statement: [
    'Write a function `usersOverLimit(logs, k)`. `logs` is a list of API log entries, each',
    '`{ "user_id": string, "timestamp": integer seconds }`, in no particular order. Return the ids of the users who',
    'made more than `k` requests within some 60-second window, sorted ascending.',
    '',
    'A window of 60 seconds holds requests whose timestamps differ by less than 60: requests at 0 and 59 are in one',
    'window, requests at 0 and 60 are not. A user appears once in the result however many windows they exceed.',
    '',
    'The hidden tests include 200,000 entries: aim for O(n log n).',
  ].join('\n'),
  languages: ['javascript', 'typescript', 'python'],
  starter: {
    javascript: `function usersOverLimit(logs, k) {
  // logs: [{ user_id, timestamp }]
  return [];
}
`,
    typescript: `interface LogEntry {
  user_id: string;
  timestamp: number;
}

function usersOverLimit(logs: LogEntry[], k: number): string[] {
  return [];
}
`,
    python: `def usersOverLimit(logs: list[dict], k: int) -> list[str]:
    # logs: [{"user_id": str, "timestamp": int}]
    return []
`,
  },
  call: {
    javascript: `return entry(input.logs, input.k);`,
    python: `return entry(input['logs'], input['k'])`,
  },
  tests: [
    {
      name: 'one user over the limit',
      input: { logs: [...log('alice', 0, 10, 20, 30), ...log('bob', 0, 100, 200)], k: 3 },
      hidden: false,
    },
    { name: 'exactly k is not over', input: { logs: log('carol', 5, 6, 7), k: 3 }, hidden: false },
    {
      name: 'unsorted entries',
      input: { logs: [...log('dave', 50, 10), ...log('erin', 3), ...log('dave', 30, 20)], k: 3 },
      hidden: false,
    },
    { name: 'the window is under 60 seconds', input: { logs: log('frank', 0, 20, 40, 60), k: 3 }, hidden: true },
    { name: '59 seconds apart is one window', input: { logs: log('grace', 0, 20, 40, 59), k: 3 }, hidden: true },
    { name: 'no logs', input: { logs: [], k: 1 }, hidden: true },
    { name: 'k is zero', input: { logs: [...log('heidi', 7), ...log('ivan', 9)], k: 0 }, hidden: true },
    {
      name: 'same timestamp many times',
      input: { logs: [...log('judy', 100, 100, 100), ...log('mallory', 100, 100)], k: 2 },
      hidden: true,
    },
    {
      name: 'a burst late in the day',
      input: { logs: [...log('niaj', 0, 1000, 2000, 3000), ...log('niaj', 5000, 5010, 5020, 5030, 5040)], k: 4 },
      hidden: true,
    },
    { name: '5,000 entries', input: { logs: traffic(5_000, 300, 11), k: 6 }, hidden: true },
    { name: '200,000 entries', input: { logs: traffic(200_000, 5_000, 23), k: 7 }, hidden: true },
  ],
  oracle: (input) => overLimit(input as Input),
  matches: (expected, actual) => Array.isArray(actual) && sameValue(expected, [...actual].sort()),
  reference: {
    javascript: `function usersOverLimit(logs, k) {
  const byUser = new Map();
  for (const { user_id, timestamp } of logs) {
    if (!byUser.has(user_id)) byUser.set(user_id, []);
    byUser.get(user_id).push(timestamp);
  }
  const result = [];
  for (const [user, times] of byUser) {
    times.sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= 60) start++;
      if (end - start + 1 > k) {
        result.push(user);
        break;
      }
    }
  }
  return result.sort();
}
`,
    typescript: `interface LogEntry {
  user_id: string;
  timestamp: number;
}

export function usersOverLimit(logs: LogEntry[], k: number): string[] {
  const byUser = new Map<string, number[]>();
  for (const { user_id, timestamp } of logs) {
    const times = byUser.get(user_id) ?? [];
    times.push(timestamp);
    byUser.set(user_id, times);
  }
  const result: string[] = [];
  for (const [user, times] of byUser) {
    times.sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= 60) start++;
      if (end - start + 1 > k) {
        result.push(user);
        break;
      }
    }
  }
  return result.sort();
}
`,
    python: `from collections import defaultdict, deque


def usersOverLimit(logs, k):
    by_user = defaultdict(list)
    for entry in logs:
        by_user[entry['user_id']].append(entry['timestamp'])
    result = []
    for user, times in by_user.items():
        times.sort()
        window = deque()
        for t in times:
            window.append(t)
            while t - window[0] >= 60:
                window.popleft()
            if len(window) > k:
                result.append(user)
                break
    return sorted(result)
`,
  },
};
