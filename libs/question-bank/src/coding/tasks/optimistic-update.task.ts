import type { CodingTask } from '../coding-task';

interface Add {
  title: string;
  outcome: 'ok' | 'fail';
  serverId: number;
}

interface Input {
  initial: { id: number; title: string }[];
  adds: Add[];
  /** Order in which the server answers the adds (indexes into `adds`). */
  answers: number[];
}

interface Todo {
  id: number | string;
  title: string;
  pending?: boolean;
}

interface Snapshot {
  todos: string[];
  error: boolean;
}

function view(todos: Todo[], error: boolean): Snapshot {
  return { todos: todos.map((t) => (t.pending ? `${t.title} (pending)` : `${t.title}#${t.id}`)), error };
}

/** What the screen shows after each add is started and after each answer of the server, by the task's rules. */
function snapshots({ initial, adds, answers }: Input): Snapshot[] {
  const todos: Todo[] = initial.map((t) => ({ ...t }));
  let error = false;
  const out: Snapshot[] = [];
  adds.forEach((add, i) => {
    todos.push({ id: `tmp${i}`, title: add.title, pending: true });
    error = false;
    out.push(view(todos, error));
  });
  for (const i of answers) {
    const at = todos.findIndex((t) => t.id === `tmp${i}`);
    if (adds[i].outcome === 'ok') todos[at] = { id: adds[i].serverId, title: adds[i].title };
    else {
      todos.splice(at, 1);
      error = true;
    }
    out.push(view(todos, error));
  }
  return out;
}

export const optimisticUpdateTask: CodingTask = {
  questionId: 'optimistic-ui-updates-rollback',
  entry: 'addTodo',
  statement: [
    'Write `async function addTodo(state, title, api)` that adds a todo optimistically and rolls back on failure.',
    '',
    '`state` is `{ todos: [{ id, title, pending? }], error }`, shown on screen as it is: change it in place.',
    '`api.create(title)` sends the todo to the server and returns a promise of the stored todo `{ id, title }`; it',
    'rejects when the server fails.',
    '',
    '- At once, before waiting for the server, append `{ id: <a temporary id>, title, pending: true }` and clear',
    '  `state.error` (set it to `null`).',
    "- When the server answers, replace that item, in its place, with the server's `{ id, title }` (not pending).",
    '- When the server fails, remove that item only, and set `state.error` to a message for the user.',
    '- `addTodo` itself never rejects.',
    '',
    'The user may add several todos before the server answers, and the answers may come back in any order.',
  ].join('\n'),
  languages: ['javascript', 'typescript'],
  starter: {
    javascript: `async function addTodo(state, title, api) {
  // 1. show the todo at once, as pending
  // 2. ask the server: api.create(title)
  // 3. on success, put the server's todo in its place; on failure, roll back and set state.error
}
`,
    typescript: `interface Todo {
  id: number | string;
  title: string;
  pending?: boolean;
}

interface State {
  todos: Todo[];
  error: string | null;
}

interface Api {
  create(title: string): Promise<{ id: number; title: string }>;
}

async function addTodo(state: State, title: string, api: Api): Promise<void> {
  // 1. show the todo at once, as pending
  // 2. ask the server: api.create(title)
  // 3. on success, put the server's todo in its place; on failure, roll back and set state.error
}
`,
  },
  call: {
    javascript: `const state = { todos: input.initial.map((t) => ({ ...t })), error: null };
const calls = [];
const api = {
  create(title) {
    return new Promise((resolve, reject) => calls.push({ title, resolve, reject }));
  },
};
const view = () => ({
  todos: state.todos.map((t) => (t.pending ? t.title + ' (pending)' : t.title + '#' + t.id)),
  error: Boolean(state.error),
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const out = [];
const running = input.adds.map((add) => {
  const done = Promise.resolve(entry(state, add.title, api)).then(
    () => null,
    (e) => 'addTodo rejected: ' + (e && e.message),
  );
  out.push(view());
  return done;
});
await settle();
for (const i of input.answers) {
  const add = input.adds[i];
  const call = calls.find((c) => c.title === add.title);
  if (!call) throw new Error('addTodo did not call api.create("' + add.title + '")');
  if (add.outcome === 'ok') call.resolve({ id: add.serverId, title: add.title });
  else call.reject(new Error('The server is unavailable'));
  await settle();
  out.push(view());
}
const rejected = (await Promise.all(running)).find((r) => r !== null);
if (rejected) throw new Error(rejected);
return out;`,
  },
  tests: [
    {
      name: 'one todo saved',
      input: {
        initial: [{ id: 1, title: 'buy milk' }],
        adds: [{ title: 'walk dog', outcome: 'ok', serverId: 2 }],
        answers: [0],
      },
      hidden: false,
    },
    {
      name: 'one todo refused',
      input: {
        initial: [{ id: 1, title: 'buy milk' }],
        adds: [{ title: 'walk dog', outcome: 'fail', serverId: 2 }],
        answers: [0],
      },
      hidden: false,
    },
    {
      name: 'an empty list',
      input: { initial: [], adds: [{ title: 'first', outcome: 'ok', serverId: 10 }], answers: [0] },
      hidden: true,
    },
    {
      name: 'two adds, answered in order',
      input: {
        initial: [],
        adds: [
          { title: 'a', outcome: 'ok', serverId: 5 },
          { title: 'b', outcome: 'ok', serverId: 6 },
        ],
        answers: [0, 1],
      },
      hidden: true,
    },
    {
      name: 'the second answer comes first',
      input: {
        initial: [{ id: 1, title: 'x' }],
        adds: [
          { title: 'a', outcome: 'ok', serverId: 5 },
          { title: 'b', outcome: 'ok', serverId: 6 },
        ],
        answers: [1, 0],
      },
      hidden: true,
    },
    {
      name: 'a failure does not undo another add',
      input: {
        initial: [{ id: 1, title: 'x' }],
        adds: [
          { title: 'a', outcome: 'ok', serverId: 5 },
          { title: 'b', outcome: 'fail', serverId: 6 },
          { title: 'c', outcome: 'ok', serverId: 7 },
        ],
        answers: [0, 2, 1],
      },
      hidden: true,
    },
    {
      name: 'a late failure after later adds succeeded',
      input: {
        initial: [],
        adds: [
          { title: 'a', outcome: 'fail', serverId: 5 },
          { title: 'b', outcome: 'ok', serverId: 6 },
        ],
        answers: [1, 0],
      },
      hidden: true,
    },
    {
      name: 'two failures',
      input: {
        initial: [],
        adds: [
          { title: 'a', outcome: 'fail', serverId: 5 },
          { title: 'b', outcome: 'fail', serverId: 6 },
        ],
        answers: [0, 1],
      },
      hidden: true,
    },
  ],
  oracle: (input) => snapshots(input as Input),
  reference: {
    javascript: `let nextTemporaryId = 0;

async function addTodo(state, title, api) {
  const temporaryId = 'tmp-' + ++nextTemporaryId;
  state.todos.push({ id: temporaryId, title, pending: true });
  state.error = null;
  try {
    const saved = await api.create(title);
    const at = state.todos.findIndex((t) => t.id === temporaryId);
    if (at !== -1) state.todos[at] = { id: saved.id, title: saved.title };
  } catch {
    // Remove only this todo: other adds may have changed the list since.
    state.todos = state.todos.filter((t) => t.id !== temporaryId);
    state.error = 'Could not save "' + title + '". Please try again.';
  }
}
`,
    typescript: `interface Todo {
  id: number | string;
  title: string;
  pending?: boolean;
}

interface State {
  todos: Todo[];
  error: string | null;
}

interface Api {
  create(title: string): Promise<{ id: number; title: string }>;
}

let nextTemporaryId = 0;

export async function addTodo(state: State, title: string, api: Api): Promise<void> {
  const temporaryId = \`tmp-\${++nextTemporaryId}\`;
  state.todos.push({ id: temporaryId, title, pending: true });
  state.error = null;
  try {
    const saved = await api.create(title);
    const at = state.todos.findIndex((t) => t.id === temporaryId);
    if (at !== -1) state.todos[at] = { id: saved.id, title: saved.title };
  } catch {
    state.todos = state.todos.filter((t) => t.id !== temporaryId);
    state.error = \`Could not save "\${title}". Please try again.\`;
  }
}
`,
  },
};
