import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BubblewrapSandbox } from './bubblewrap-sandbox';
import { PistonSandbox, type PistonStage } from './piston-sandbox';
import { createSandbox } from './sandbox';

/** A stand-in for Piston's API: records what it is sent and answers what the test set. */
class FakePiston {
  readonly requests: { method: string; url: string; contentType: string | undefined; body: unknown }[] = [];
  answer: { status: number; body: unknown } = { status: 200, body: { run: ok('') } };
  /** Answers this late (a server stuck on a run). */
  delayMs = 0;
  runtimes: unknown = [
    { language: 'javascript', version: '20.11.1', aliases: ['node-javascript', 'js'], runtime: 'node' },
    { language: 'python', version: '3.12.0', aliases: ['py', 'python3'] },
  ];
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    this.requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      contentType: req.headers['content-type'],
      body: text ? JSON.parse(text) : null,
    });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const { status, body } =
      req.method === 'GET' && req.url === '/api/v2/runtimes' ? { status: 200, body: this.runtimes } : this.answer;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function ok(stdout: string): PistonStage {
  return { stdout, stderr: '', output: stdout, code: 0, signal: null };
}

const piston = new FakePiston();
beforeAll(() => piston.start());
afterAll(() => piston.stop());
beforeEach(() => {
  piston.requests.length = 0;
  piston.delayMs = 0;
  piston.answer = { status: 200, body: { run: ok(''), language: 'javascript', version: '20.11.1' } };
});

function sandbox(): PistonSandbox {
  return new PistonSandbox({
    url: `${piston.url}/`,
    defaults: { cpuMs: 2000, wallMs: 4000, memoryMb: 128, outputBytes: 1000 },
  });
}

describe('PistonSandbox: the request', () => {
  it('posts the files (entry first), stdin and limits in ms and bytes', async () => {
    await sandbox().run({
      language: 'javascript',
      files: { 'solution.js': 'module.exports = 1;', 'harness.js': 'require("./solution.js")' },
      entry: 'harness.js',
      stdin: 'some input',
    });
    expect(piston.requests).toEqual([
      {
        method: 'POST',
        url: '/api/v2/execute',
        contentType: 'application/json',
        body: {
          language: 'javascript',
          version: '*',
          files: [
            { name: 'harness.js', content: 'require("./solution.js")' },
            { name: 'solution.js', content: 'module.exports = 1;' },
          ],
          stdin: 'some input',
          run_timeout: 4000,
          compile_timeout: 4000,
          run_cpu_time: 2000,
          run_memory_limit: 128 * 1024 * 1024,
        },
      },
    ]);
  });

  it('names Python "python", and takes per-run limits over the defaults', async () => {
    await sandbox().run({
      language: 'python',
      files: { 'main.py': 'print(1)' },
      entry: 'main.py',
      limits: { wallMs: 1500, memoryMb: 64 },
    });
    expect(piston.requests[0].body).toMatchObject({
      language: 'python',
      version: '*',
      files: [{ name: 'main.py', content: 'print(1)' }],
      stdin: '',
      run_timeout: 1500,
      run_cpu_time: 2000,
      run_memory_limit: 64 * 1024 * 1024,
    });
  });
});

describe('PistonSandbox: the result', () => {
  const runWith = async (run: PistonStage) => {
    piston.answer = { status: 200, body: { run, language: 'python', version: '3.12.0' } };
    return sandbox().run({ language: 'python', files: { 'main.py': '' }, entry: 'main.py' });
  };

  it('maps a clean exit to ok', async () => {
    expect(await runWith(ok('hello\n'))).toMatchObject({
      verdict: 'ok',
      exitCode: 0,
      signal: null,
      stdout: 'hello\n',
      stderr: '',
      truncated: false,
    });
  });

  it('maps a non-zero exit to a runtime error, keeping stderr', async () => {
    const result = await runWith({ stdout: '', stderr: 'ValueError: boom\n', code: 1, signal: null });
    expect(result).toMatchObject({ verdict: 'runtime-error', exitCode: 1, signal: null, stderr: 'ValueError: boom\n' });
    expect(result.message).toBe('The program stopped with exit code 1.');
  });

  it('maps SIGKILL on timeout to a timeout', async () => {
    const result = await runWith({ stdout: 'partial\n', stderr: '', code: null, signal: 'SIGKILL' });
    expect(result).toMatchObject({ verdict: 'timeout', exitCode: null, signal: 'SIGKILL', stdout: 'partial\n' });
    expect(result.message).toBe('Stopped after 4 s: the program was still running.');
  });

  it("reads isolate's status where Piston gives it: wall clock, CPU time, output", async () => {
    const wall = await runWith({
      code: null,
      signal: 'SIGKILL',
      status: 'TO',
      message: 'Time limit exceeded (wall clock)',
    });
    expect(wall.verdict).toBe('timeout');
    const cpu = await runWith({
      code: null,
      signal: 'SIGKILL',
      status: 'TO',
      message: 'Time limit exceeded',
      wall_time: 2100,
    });
    expect(cpu).toMatchObject({ verdict: 'cpu-limit', wallMs: 2100 });
    const output = await runWith({
      stdout: 'x',
      code: null,
      signal: 'SIGKILL',
      status: 'OL',
      message: 'stdout length exceeded',
    });
    expect(output.verdict).toBe('output-limit');
    const internal = await runWith({ code: null, signal: null, status: 'XX', message: 'box failed' });
    expect(internal).toMatchObject({
      verdict: 'unavailable',
      message: 'Piston could not run the program: box failed.',
    });
  });

  it('cuts output at our own limit', async () => {
    const result = await runWith({ stdout: 'x'.repeat(800), stderr: 'e'.repeat(800), code: 0, signal: null });
    expect(result).toMatchObject({ verdict: 'output-limit', truncated: true });
    expect(result.stdout).toBe('x'.repeat(800));
    expect(result.stderr).toBe('e'.repeat(200));
  });

  it('recognises running out of memory', async () => {
    const python = await runWith({ stderr: 'Traceback…\nMemoryError\n', code: 1, signal: null });
    expect(python.verdict).toBe('memory-limit');
    const killed = await runWith({ code: null, signal: 'SIGKILL', status: 'SG', memory: 128 * 1024 * 1024 });
    expect(killed.verdict).toBe('memory-limit');
  });
});

describe('PistonSandbox: when Piston cannot run it', () => {
  it('passes on what Piston refused', async () => {
    piston.answer = { status: 400, body: { message: 'run_timeout cannot exceed the configured limit of 3000' } };
    const result = await sandbox().run({ language: 'python', files: { 'main.py': '' }, entry: 'main.py' });
    expect(result).toMatchObject({ verdict: 'unavailable', exitCode: null, stdout: '' });
    expect(result.message).toBe(
      `Piston at ${piston.url} refused the run (HTTP 400: run_timeout cannot exceed the configured limit of 3000).`,
    );
  });

  it('says a server that is down is unreachable, without throwing', async () => {
    const down = new FakePiston();
    await down.start();
    await down.stop();
    const sandbox = new PistonSandbox({ url: down.url });
    const result = await sandbox.run({ language: 'javascript', files: { 'a.js': '' }, entry: 'a.js' });
    expect(result.verdict).toBe('unavailable');
    expect(result.message).toMatch(new RegExp(`^Piston at ${down.url} is unreachable: connect ECONNREFUSED`));
    const check = await sandbox.check();
    expect(check.ok).toBe(false);
    expect(check.ok === false && check.reason).toMatch(/is unreachable: connect ECONNREFUSED/);
  });

  it('gives up on a server that does not answer', async () => {
    piston.delayMs = 1000;
    const slow = new PistonSandbox({ url: piston.url, defaults: { wallMs: 100 }, requestSlackMs: 100 });
    const result = await slow.run({ language: 'python', files: { 'main.py': '' }, entry: 'main.py' });
    expect(result).toMatchObject({
      verdict: 'unavailable',
      message: `Piston at ${piston.url} did not answer within 200 ms.`,
    });
    expect(result.wallMs).toBeLessThan(900);
  });

  it('checks that both runtimes are installed', async () => {
    expect(await sandbox().check()).toEqual({ ok: true });
    piston.runtimes = [{ language: 'javascript', version: '20.11.1', aliases: [] }];
    expect(await sandbox().check()).toEqual({
      ok: false,
      reason: `Piston at ${piston.url} has no python runtime installed.`,
    });
  });
});

describe('createSandbox', () => {
  it('uses Piston when CODE_RUNNER_URL is set, bubblewrap otherwise', () => {
    const remote = createSandbox({ CODE_RUNNER_URL: 'http://piston:2000' });
    expect(remote).toBeInstanceOf(PistonSandbox);
    expect(remote.name).toBe('Piston at http://piston:2000');
    const local = createSandbox({});
    expect(local).toBeInstanceOf(BubblewrapSandbox);
    expect(local.name).toBe('bubblewrap (this machine)');
    expect(createSandbox({ CODE_RUNNER_URL: '  ' })).toBeInstanceOf(BubblewrapSandbox);
  });
});
