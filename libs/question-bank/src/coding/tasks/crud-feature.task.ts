import type { CodingTask } from '../coding-task';

interface Request {
  method: string;
  /** `{n}` stands for the id the n-th successful POST returned. */
  path: string;
  body?: unknown;
}

type Reply = { status: number; body: unknown };

const MAX_TITLE = 200;

/** The API the statement describes, with ids written `{n}` for the n-th todo created. */
function replies(requests: Request[]): Reply[] {
  const todos: { id: string; title: string; completed: boolean }[] = [];
  const error = { error: true };
  const notFound = { status: 404, body: error };
  const titleOf = (value: unknown): string | null => {
    if (typeof value !== 'string') return null;
    const title = value.trim();
    return title.length > 0 && title.length <= MAX_TITLE ? title : null;
  };
  return requests.map(({ method, path, body }) => {
    const item = /^\/todos\/([^/]+)$/.exec(path);
    if (path === '/todos') {
      if (method === 'GET') return { status: 200, body: todos.map((t) => ({ ...t })) };
      if (method !== 'POST') return { status: 405, body: error };
      const b = body as Record<string, unknown> | null;
      const title = b && typeof b === 'object' ? titleOf(b.title) : null;
      const completed = b && typeof b === 'object' ? (b.completed ?? false) : false;
      if (title === null || typeof completed !== 'boolean') return { status: 400, body: error };
      const todo = { id: `{${todos.length}}`, title, completed };
      todos.push(todo);
      return { status: 201, body: { ...todo } };
    }
    if (!item) return notFound;
    const todo = todos.find((t) => t.id === item[1]);
    if (method === 'GET') return todo ? { status: 200, body: { ...todo } } : notFound;
    if (method === 'DELETE') {
      if (!todo) return notFound;
      todos.splice(todos.indexOf(todo), 1);
      return { status: 204, body: null };
    }
    if (method !== 'PUT') return { status: 405, body: error };
    if (!todo) return notFound;
    const b = body as Record<string, unknown> | null;
    if (!b || typeof b !== 'object' || Array.isArray(b) || (!('title' in b) && !('completed' in b)))
      return { status: 400, body: error };
    const title = 'title' in b ? titleOf(b.title) : todo.title;
    if (title === null || ('completed' in b && typeof b.completed !== 'boolean')) return { status: 400, body: error };
    todo.title = title;
    if ('completed' in b) todo.completed = b.completed as boolean;
    return { status: 200, body: { ...todo } };
  });
}

const post = (title: unknown): Request => ({ method: 'POST', path: '/todos', body: { title } });

export const crudFeatureTask: CodingTask = {
  questionId: 'crud-feature-schema-api-ui',
  entry: 'createTodoApi',
  statement: [
    'The API part of the feature, without a framework: write `createTodoApi()`, which returns an object with a',
    'method `handle(method, path, body)` returning `{ status, body }`. Keep the todos in memory. A todo is',
    '`{ id, title, completed }`; choose the ids (numbers or strings).',
    '',
    '- `GET /todos`: 200 and every todo, oldest first.',
    '- `POST /todos` with `{ title, completed? }`: 201 and the new todo. The title is trimmed and must then be 1–200',
    '  characters; `completed` is a boolean, false when left out.',
    '- `GET /todos/:id`: 200 and the todo.',
    '- `PUT /todos/:id` with `{ title?, completed? }` (at least one): 200 and the updated todo.',
    '- `DELETE /todos/:id`: 204 and a `null` body.',
    '- Invalid input: 400 with `{ error: "<message>" }`. An unknown id or path: 404 with `{ error }`. A method a path',
    '  does not take: 405 with `{ error }`.',
    '',
    'Talk the interviewer through the table schema and the form you would build on top of it as you go.',
  ].join('\n'),
  languages: ['javascript', 'typescript', 'python'],
  starter: {
    javascript: `function createTodoApi() {
  const todos = [];
  return {
    handle(method, path, body) {
      return { status: 404, body: { error: 'Not found' } };
    },
  };
}
`,
    typescript: `interface Todo {
  id: number;
  title: string;
  completed: boolean;
}

interface Reply {
  status: number;
  body: unknown;
}

function createTodoApi() {
  const todos: Todo[] = [];
  return {
    handle(method: string, path: string, body?: unknown): Reply {
      return { status: 404, body: { error: 'Not found' } };
    },
  };
}
`,
    python: `def createTodoApi():
    return TodoApi()


class TodoApi:
    def __init__(self):
        self.todos = []

    def handle(self, method: str, path: str, body=None) -> dict:
        return {"status": 404, "body": {"error": "Not found"}}
`,
  },
  call: {
    javascript: `const api = entry();
const ids = [];
const named = (value) => {
  const at = ids.findIndex((id) => id === value);
  return at === -1 ? value : '{' + at + '}';
};
const shape = (body) => {
  if (body === undefined || body === null) return null;
  if (Array.isArray(body)) return body.map(shape);
  if (typeof body !== 'object') return body;
  if ('error' in body) return { error: typeof body.error === 'string' && body.error.length > 0 };
  return { ...body, id: named(body.id) };
};
return input.map((request) => {
  const path = request.path.replace(/\\{(\\d+)\\}/g, (_, n) => String(ids[Number(n)] ?? 'missing'));
  const reply = api.handle(request.method, path, request.body === undefined ? undefined : JSON.parse(JSON.stringify(request.body)));
  if (!reply || typeof reply !== 'object') throw new Error('handle() must return { status, body }');
  if (request.method === 'POST' && reply.status === 201 && reply.body && !ids.includes(reply.body.id)) ids.push(reply.body.id);
  return { status: reply.status, body: shape(reply.body) };
});`,
    python: `import copy
api = entry()
ids = []
def named(value):
    for at, known in enumerate(ids):
        if known == value and type(known) == type(value):
            return '{%d}' % at
    return value
def shape(body):
    if body is None:
        return None
    if isinstance(body, list):
        return [shape(b) for b in body]
    if not isinstance(body, dict):
        return body
    if 'error' in body:
        return {'error': isinstance(body['error'], str) and len(body['error']) > 0}
    out = dict(body)
    out['id'] = named(body.get('id'))
    return out
out = []
for request in input:
    path = request['path']
    for n, known in enumerate(ids):
        path = path.replace('{%d}' % n, str(known))
    reply = api.handle(request['method'], path, copy.deepcopy(request.get('body')))
    if not isinstance(reply, dict):
        raise TypeError('handle() must return {"status": ..., "body": ...}')
    body = reply.get('body')
    if request['method'] == 'POST' and reply.get('status') == 201 and isinstance(body, dict) and body.get('id') not in ids:
        ids.append(body.get('id'))
    out.append({'status': reply.get('status'), 'body': shape(body)})
return out`,
  },
  tests: [
    {
      name: 'create and list',
      input: [post('Write tests'), post('Ship it'), { method: 'GET', path: '/todos' }],
      hidden: false,
    },
    {
      name: 'update and delete',
      input: [
        post('Write tests'),
        { method: 'PUT', path: '/todos/{0}', body: { completed: true } },
        { method: 'DELETE', path: '/todos/{0}' },
        { method: 'GET', path: '/todos/{0}' },
      ],
      hidden: false,
    },
    {
      name: 'a missing title',
      input: [
        { method: 'POST', path: '/todos', body: {} },
        { method: 'GET', path: '/todos' },
      ],
      hidden: false,
    },
    {
      name: 'titles are trimmed and bounded',
      input: [
        post('  spaced  '),
        post('   '),
        post('x'.repeat(201)),
        post('y'.repeat(200)),
        post(42),
        { method: 'GET', path: '/todos' },
      ],
      hidden: true,
    },
    {
      name: 'completed must be a boolean',
      input: [
        { method: 'POST', path: '/todos', body: { title: 'a', completed: 'yes' } },
        { method: 'POST', path: '/todos', body: { title: 'b', completed: true } },
        { method: 'PUT', path: '/todos/{0}', body: { completed: 1 } },
        { method: 'GET', path: '/todos/{0}' },
      ],
      hidden: true,
    },
    {
      name: 'an update needs a field',
      input: [
        post('a'),
        { method: 'PUT', path: '/todos/{0}', body: {} },
        { method: 'PUT', path: '/todos/{0}', body: { title: 'b' } },
      ],
      hidden: true,
    },
    {
      name: 'unknown ids and paths',
      input: [
        { method: 'GET', path: '/todos/does-not-exist' },
        { method: 'PUT', path: '/todos/does-not-exist', body: { title: 'x' } },
        { method: 'DELETE', path: '/todos/does-not-exist' },
        { method: 'GET', path: '/users' },
      ],
      hidden: true,
    },
    {
      name: 'methods a path does not take',
      input: [
        post('a'),
        { method: 'DELETE', path: '/todos' },
        { method: 'POST', path: '/todos/{0}', body: { title: 'b' } },
      ],
      hidden: true,
    },
    {
      name: 'deleting keeps the others in order',
      input: [
        post('a'),
        post('b'),
        post('c'),
        { method: 'DELETE', path: '/todos/{1}' },
        { method: 'DELETE', path: '/todos/{1}' },
        { method: 'GET', path: '/todos' },
      ],
      hidden: true,
    },
  ],
  oracle: (input) => replies(input as Request[]),
  reference: {
    javascript: `function createTodoApi() {
  const todos = [];
  let nextId = 1;
  const reply = (status, body) => ({ status, body });
  const invalid = (message) => reply(400, { error: message });
  const titleOf = (value) => {
    if (typeof value !== 'string') return null;
    const title = value.trim();
    return title.length >= 1 && title.length <= 200 ? title : null;
  };
  return {
    handle(method, path, body) {
      if (path === '/todos') {
        if (method === 'GET') return reply(200, todos.map((t) => ({ ...t })));
        if (method !== 'POST') return reply(405, { error: 'Use GET or POST on /todos' });
        if (!body || typeof body !== 'object') return invalid('Send a JSON object');
        const title = titleOf(body.title);
        if (title === null) return invalid('The title must be 1 to 200 characters');
        const completed = body.completed === undefined ? false : body.completed;
        if (typeof completed !== 'boolean') return invalid('completed must be true or false');
        const todo = { id: nextId++, title, completed };
        todos.push(todo);
        return reply(201, { ...todo });
      }
      const match = /^\\/todos\\/([^/]+)$/.exec(path);
      if (!match) return reply(404, { error: 'No such path' });
      const todo = todos.find((t) => String(t.id) === match[1]);
      if (method === 'GET') return todo ? reply(200, { ...todo }) : reply(404, { error: 'No such todo' });
      if (method === 'DELETE') {
        if (!todo) return reply(404, { error: 'No such todo' });
        todos.splice(todos.indexOf(todo), 1);
        return reply(204, null);
      }
      if (method !== 'PUT') return reply(405, { error: 'Use GET, PUT or DELETE on a todo' });
      if (!todo) return reply(404, { error: 'No such todo' });
      if (!body || typeof body !== 'object' || Array.isArray(body) || (!('title' in body) && !('completed' in body))) {
        return invalid('Send a title or completed');
      }
      const title = 'title' in body ? titleOf(body.title) : todo.title;
      if (title === null) return invalid('The title must be 1 to 200 characters');
      if ('completed' in body && typeof body.completed !== 'boolean') return invalid('completed must be true or false');
      todo.title = title;
      if ('completed' in body) todo.completed = body.completed;
      return reply(200, { ...todo });
    },
  };
}
`,
    python: `import re


def createTodoApi():
    return TodoApi()


def _title(value):
    if not isinstance(value, str):
        return None
    title = value.strip()
    return title if 1 <= len(title) <= 200 else None


class TodoApi:
    def __init__(self):
        self.todos = []
        self.next_id = 1

    def _find(self, raw):
        return next((t for t in self.todos if str(t['id']) == raw), None)

    def handle(self, method, path, body=None):
        def reply(status, payload):
            return {'status': status, 'body': payload}

        if path == '/todos':
            if method == 'GET':
                return reply(200, [dict(t) for t in self.todos])
            if method != 'POST':
                return reply(405, {'error': 'Use GET or POST on /todos'})
            if not isinstance(body, dict):
                return reply(400, {'error': 'Send a JSON object'})
            title = _title(body.get('title'))
            completed = body.get('completed', False)
            if title is None:
                return reply(400, {'error': 'The title must be 1 to 200 characters'})
            if not isinstance(completed, bool):
                return reply(400, {'error': 'completed must be true or false'})
            todo = {'id': self.next_id, 'title': title, 'completed': completed}
            self.next_id += 1
            self.todos.append(todo)
            return reply(201, dict(todo))
        match = re.fullmatch(r'/todos/([^/]+)', path)
        if not match:
            return reply(404, {'error': 'No such path'})
        todo = self._find(match.group(1))
        if method == 'GET':
            return reply(200, dict(todo)) if todo else reply(404, {'error': 'No such todo'})
        if method == 'DELETE':
            if not todo:
                return reply(404, {'error': 'No such todo'})
            self.todos.remove(todo)
            return reply(204, None)
        if method != 'PUT':
            return reply(405, {'error': 'Use GET, PUT or DELETE on a todo'})
        if not todo:
            return reply(404, {'error': 'No such todo'})
        if not isinstance(body, dict) or ('title' not in body and 'completed' not in body):
            return reply(400, {'error': 'Send a title or completed'})
        title = _title(body['title']) if 'title' in body else todo['title']
        if title is None:
            return reply(400, {'error': 'The title must be 1 to 200 characters'})
        if 'completed' in body and not isinstance(body['completed'], bool):
            return reply(400, {'error': 'completed must be true or false'})
        todo['title'] = title
        if 'completed' in body:
            todo['completed'] = body['completed']
        return reply(200, dict(todo))
`,
  },
};
