import { randomBytes } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BubblewrapSandbox } from './bubblewrap-sandbox';
import type { SandboxLanguage, SandboxLimits, SandboxRequest, SandboxResult } from './sandbox';

// Real processes in real sandboxes: small limits keep the hostile programs short.
jest.setTimeout(30_000);

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const TEST_LIMITS: Partial<SandboxLimits> = { cpuMs: 1000, wallMs: 3000 };
const UID_BASE = 61000;
const UID_COUNT = 64;
const isRoot = process.getuid?.() === 0;

let scratchRoot: string;
let sandbox: BubblewrapSandbox;

beforeAll(async () => {
  scratchRoot = mkdtempSync(path.join(tmpdir(), 'sandbox-spec-'));
  sandbox = new BubblewrapSandbox({ scratchRoot, defaults: TEST_LIMITS, uidBase: UID_BASE, uidCount: UID_COUNT });
  // Every test below needs a working sandbox: say why up front rather than in every test.
  expect(await sandbox.check()).toEqual({ ok: true });
});

afterAll(() => {
  rmSync(scratchRoot, { recursive: true, force: true });
});

afterEach(() => {
  // Every run deletes its host folder, whatever happened.
  expect(readdirSync(scratchRoot)).toEqual([]);
});

function marker(): string {
  return `m${randomBytes(6).toString('hex')}`;
}

function run(
  language: SandboxLanguage,
  code: string,
  extra: Partial<Omit<SandboxRequest, 'language'>> = {},
  name = language === 'javascript' ? 'main.js' : 'main.py',
): Promise<SandboxResult> {
  return sandbox.run({ language, files: { [name]: code, ...extra.files }, entry: name, ...extra });
}

/** Processes still alive whose command line mentions `mark`, or (as root) running as one of the pool's uids. */
function leftovers(mark: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (/^State:\s+[ZX]/m.test(status)) continue;
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(mark) || (isRoot && uid >= UID_BASE && uid <= UID_BASE + UID_COUNT)) {
        found.push(`${pid} uid=${uid} ${cmdline}`);
      }
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

describe('BubblewrapSandbox: programs that behave', () => {
  it('runs JavaScript', async () => {
    const result = await run('javascript', 'console.log("hello from js", 6 * 7);');
    expect(result).toMatchObject({
      verdict: 'ok',
      exitCode: 0,
      signal: null,
      stdout: 'hello from js 42\n',
      stderr: '',
      truncated: false,
    });
    expect(result.message).toMatch(/^Finished in /);
  });

  it('runs Python', async () => {
    const result = await run('python', 'print("hello from python", 6 * 7)');
    expect(result).toMatchObject({ verdict: 'ok', exitCode: 0, signal: null, stdout: 'hello from python 42\n' });
  });

  it('runs several files from the scratch folder, as the coding harness does', async () => {
    const js = await sandbox.run({
      language: 'javascript',
      entry: 'harness.js',
      files: {
        'harness.js': `const { add } = require('./solution.js');
const cases = JSON.parse(require('fs').readFileSync(require('path').join(__dirname, 'cases.json'), 'utf8'));
console.log(process.cwd(), cases.map(([a, b]) => add(a, b)).join(','));`,
        'solution.js': 'module.exports = { add: (a, b) => a + b };',
        'cases.json': '[[1,2],[3,4]]',
      },
    });
    expect(js).toMatchObject({ verdict: 'ok', stdout: '/sandbox 3,7\n' });

    const py = await sandbox.run({
      language: 'python',
      entry: 'harness.py',
      files: {
        'harness.py':
          'import json, os\nfrom solution import add\nprint(os.getcwd(), [add(a, b) for a, b in json.load(open("cases.json"))])',
        'solution.py': 'def add(a, b):\n    return a + b\n',
        'cases.json': '[[1,2],[3,4]]',
      },
    });
    expect(py).toMatchObject({ verdict: 'ok', stdout: '/sandbox [3, 7]\n' });
  });

  it('passes stdin', async () => {
    const js = await run(
      'javascript',
      'const input = require("fs").readFileSync(0, "utf8"); console.log(input.split("\\n").reverse().join("|"));',
      {
        stdin: 'a\nb\nc',
      },
    );
    expect(js).toMatchObject({ verdict: 'ok', stdout: 'c|b|a\n' });
    const py = await run('python', 'import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))', {
      stdin: '1 2 3\n4',
    });
    expect(py).toMatchObject({ verdict: 'ok', stdout: '10\n' });
  });

  it('gives the program a bare environment', async () => {
    const result = await run('python', 'import os\nprint(sorted(os.environ))');
    expect(result.stdout).toBe("['HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR']\n");
  });

  it('reports an exception as a runtime error with its message', async () => {
    const js = await run('javascript', 'throw new Error("boom in js");');
    expect(js).toMatchObject({ verdict: 'runtime-error', exitCode: 1, signal: null });
    expect(js.stderr).toContain('boom in js');
    expect(js.message).toBe('The program stopped with exit code 1.');

    const py = await run('python', 'raise ValueError("boom in python")');
    expect(py).toMatchObject({ verdict: 'runtime-error', exitCode: 1 });
    expect(py.stderr).toContain('ValueError: boom in python');
  });

  it('runs 8 programs at once without them colliding', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? run(
              'javascript',
              `require("fs").writeFileSync("out.txt", "${i}"); console.log(require("fs").readFileSync("out.txt", "utf8"));`,
            )
          : run('python', `open("out.txt", "w").write("${i}")\nprint(open("out.txt").read())`),
      ),
    );
    results.forEach((result, i) => expect(result).toMatchObject({ verdict: 'ok', stdout: `${i}\n` }));
  });
});

describe('BubblewrapSandbox: limits', () => {
  it.each<[SandboxLanguage, string]>([
    ['javascript', 'while (true) {}'],
    ['python', 'while True:\n    pass'],
  ])('stops a %s busy loop at the CPU limit', async (language, code) => {
    const result = await run(language, code);
    expect(result.verdict).toBe('cpu-limit');
    expect(result.signal).toBe('SIGXCPU');
    expect(result.wallMs).toBeLessThan(TEST_LIMITS.wallMs!);
    expect(result.message).toBe('Stopped after 1 s of CPU time: the program was still computing.');
  });

  it.each<[SandboxLanguage, string]>([
    ['javascript', 'console.log("waiting"); setInterval(() => {}, 1000);'],
    ['python', 'import time\nprint("waiting")\ntime.sleep(1000)'],
  ])('stops a sleeping %s program at the wall limit and leaves nothing behind', async (language, code) => {
    const mark = marker();
    const result = await run(language, code, {}, language === 'javascript' ? `${mark}.js` : `${mark}.py`);
    expect(result).toMatchObject({ verdict: 'timeout', signal: 'SIGKILL', exitCode: null, stdout: 'waiting\n' });
    expect(result.wallMs).toBeGreaterThanOrEqual(3000);
    expect(result.wallMs).toBeLessThan(4500);
    expect(result.message).toBe('Stopped after 3 s: the program was still running.');
    expect(leftovers(mark)).toEqual([]);
  });

  it('stops a Python fork bomb: forks are refused, nothing is left, the machine still runs programs', async () => {
    const mark = marker();
    const code = `import os
me = os.getpid()
while True:
    try:
        os.fork()
    except OSError as e:
        if os.getpid() == me:
            print("fork refused:", e.strerror, flush=True)
            me = None
`;
    const result = await run('python', code, {}, `${mark}.py`);
    expect(['timeout', 'cpu-limit']).toContain(result.verdict);
    expect(result.stdout).toContain('fork refused: Resource temporarily unavailable');
    expect(result.wallMs).toBeLessThan(4500);
    expect(leftovers(mark)).toEqual([]);
    expect(await run('python', 'print("still fine")')).toMatchObject({ verdict: 'ok', stdout: 'still fine\n' });
  });

  it('stops a Node spawn bomb the same way', async () => {
    const mark = marker();
    // Every child runs this file again; the top one reports how many of its spawns the kernel refused.
    const code = `const { spawn } = require('child_process');
const refused = [];
for (let i = 0; i < 64; i++) {
  const child = spawn(process.execPath, [__filename], { stdio: ['ignore', 'ignore', 'ignore'] });
  child.on('error', (e) => refused.push(e.code));
}
setTimeout(() => console.log('spawn refused:', refused.length > 0 ? refused[0] : 'never'), 200);
setInterval(() => {}, 1000);
`;
    const result = await run('javascript', code, {}, `${mark}.js`);
    expect(['timeout', 'cpu-limit']).toContain(result.verdict);
    expect(result.stdout).toContain('spawn refused: EAGAIN');
    expect(leftovers(mark)).toEqual([]);
    expect(await run('javascript', 'console.log("still fine")')).toMatchObject({
      verdict: 'ok',
      stdout: 'still fine\n',
    });
  });

  it('lets a JavaScript program use its processes on top of what Node runs itself', async () => {
    const code = `const { spawn } = require('child_process');
require('fs').promises.readFile(__filename).then(() => {
  let started = 0;
  const next = () => {
    const child = spawn('/usr/bin/sleep', ['3']);
    child.on('spawn', () => { started++; next(); });
    child.on('error', (e) => { console.log(started, e.code); process.exit(0); });
  };
  next();
});`;
    const result = await run('javascript', code, { limits: { processes: 6 } });
    expect(result.verdict).toBe('ok');
    // The main thread and 5 children: Node's own threads came on top.
    expect(result.stdout).toBe('5 EAGAIN\n');
  });

  it('refuses threads past the process limit', async () => {
    const code = `import threading, time
started = 0
try:
    while True:
        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
        started += 1
except RuntimeError as e:
    print(started, e)
`;
    const result = await run('python', code, { limits: { processes: 6 } });
    expect(result).toMatchObject({ verdict: 'ok', stdout: "5 can't start new thread\n" });
  });

  it.each<[string, SandboxLanguage, string]>([
    [
      'JavaScript arrays',
      'javascript',
      'const a = []; while (a.length < 256) a.push(new Array(1e6).fill(1.5)); console.log("got 2 GB");',
    ],
    [
      'Node buffers',
      'javascript',
      'const a = []; while (a.length < 32) a.push(Buffer.alloc(64 << 20, 1)); console.log("got 2 GB");',
    ],
    ['Python bytearrays', 'python', 'a = []\nwhile len(a) < 32:\n    a.append(bytearray(64 << 20))\nprint("got 2 GB")'],
    ['Python lists', 'python', 'a = []\nwhile len(a) < 256:\n    a.append([0] * 10**6)\nprint("got 2 GB")'],
  ])('stops %s at the memory limit', async (_what, language, code) => {
    // Time to spare: near its heap limit V8 collects garbage on every thread, and on a busy machine that CPU time could
    // reach the 5 s default before the memory limit does. The memory limit is what is tested here.
    const result = await run(language, code, { limits: { memoryMb: 128, cpuMs: 20_000, wallMs: 20_000 } });
    expect(result.verdict).toBe('memory-limit');
    expect(result.stdout).not.toContain('got 2 GB');
    expect(result.message).toBe('Stopped: the program needed more than 128 MiB of memory.');
  });

  it.each<[SandboxLanguage, string]>([
    ['javascript', 'for (let i = 0; ; i++) console.log("line " + i + " " + "x".repeat(90));'],
    ['python', 'i = 0\nwhile True:\n    print("line", i, "x" * 90)\n    i += 1'],
  ])('cuts %s output at the limit and stops the program', async (language, code) => {
    const result = await run(language, code, { limits: { outputBytes: 10_000 } });
    expect(result).toMatchObject({ verdict: 'output-limit', truncated: true, signal: 'SIGKILL' });
    expect(Buffer.byteLength(result.stdout) + Buffer.byteLength(result.stderr)).toBe(10_000);
    expect(result.stdout.startsWith('line 0 xxx')).toBe(true);
    expect(result.wallMs).toBeLessThan(2000);
    expect(result.message).toBe('Stopped: the program printed more than 10000 bytes of output.');
  });

  it('keeps output that fits, and counts stderr in the same budget', async () => {
    const result = await run('python', 'import sys\nprint("o" * 600)\nprint("e" * 600, file=sys.stderr)', {
      limits: { outputBytes: 1000 },
    });
    expect(result).toMatchObject({ verdict: 'output-limit', truncated: true });
    expect(result.stdout).toBe(`${'o'.repeat(600)}\n`);
    expect(result.stderr).toBe('e'.repeat(399));
  });

  it('refuses a file bigger than the scratch limit, and more files than the scratch folder holds', async () => {
    const code = `import os
try:
    with open("big.bin", "wb") as f:
        f.write(b"x" * (3 << 20))
    print("big file written")
except OSError as e:
    print("big file refused:", e.strerror)
os.remove("big.bin")
written = 0
try:
    for i in range(10):
        with open(f"part{i}.bin", "wb") as f:
            f.write(b"x" * (512 << 10))
        written += 1
    print("all parts written")
except OSError as e:
    print("parts refused after", written, ":", e.strerror)
`;
    const result = await run('python', code, { limits: { scratchBytes: 2 << 20 } });
    expect(result.verdict).toBe('ok');
    expect(result.stdout).toContain('big file refused: File too large');
    expect(result.stdout).toMatch(/parts refused after [0-4] : No space left on device/);

    // Node, like Python, ignores SIGXFSZ: the write fails with EFBIG.
    const js = await run(
      'javascript',
      'require("fs").writeFileSync("big.bin", Buffer.alloc(3 << 20)); console.log("written");',
      {
        limits: { scratchBytes: 2 << 20 },
      },
    );
    expect(js).toMatchObject({ verdict: 'runtime-error', exitCode: 1, stdout: '' });
    expect(js.stderr).toContain('EFBIG');
    expect(js.message).toBe('Stopped: the program wrote a file larger than 2 MiB.');
  });
});

describe('BubblewrapSandbox: isolation', () => {
  it('hides the host files: no /etc/passwd, no home, no project', async () => {
    const packageJson = path.join(REPO_ROOT, 'package.json');
    expect(readFileSync(packageJson, 'utf8')).toContain('"name": "mockroom"'); // the file the program must not see
    const targets = ['/etc/passwd', '/etc/shadow', '/root/.bashrc', packageJson, path.join(REPO_ROOT, '.env')];
    const py = await run(
      'python',
      `import os
for p in ${JSON.stringify(targets)}:
    try:
        print(p, "READ", open(p).read()[:200])
    except OSError as e:
        print(p, "refused", e.strerror)
print("root has", sorted(os.listdir("/")))
print("etc has", sorted(os.listdir("/etc")))
`,
    );
    expect(py.verdict).toBe('ok');
    expect(py.stdout).not.toContain('READ');
    expect(py.stdout).not.toContain('root:x:0');
    expect(py.stdout).not.toContain('mockroom');
    for (const target of targets) expect(py.stdout).toContain(`${target} refused No such file or directory`);
    expect(py.stdout).not.toMatch(/'(home|work|root|tmp|var|opt)'/);

    const js = await run(
      'javascript',
      `const fs = require('fs');
for (const p of ${JSON.stringify(targets)}) {
  try { console.log(p, 'READ', fs.readFileSync(p, 'utf8').slice(0, 200)); } catch (e) { console.log(p, 'refused', e.code); }
}`,
    );
    expect(js.stdout).not.toContain('READ');
    for (const target of targets) expect(js.stdout).toContain(`${target} refused ENOENT`);
  });

  it('has no network: PostgreSQL and Redis on this machine are out of reach', async () => {
    const py = await run(
      'python',
      `import socket
for host, port in [("127.0.0.1", 5432), ("127.0.0.1", 6379), ("1.1.1.1", 53)]:
    try:
        socket.create_connection((host, port), timeout=1).close()
        print(port, "CONNECTED")
    except OSError as e:
        print(port, "failed:", e.strerror or e)
`,
    );
    expect(py.verdict).toBe('ok');
    expect(py.stdout).not.toContain('CONNECTED');
    expect(py.stdout).toContain('5432 failed: Connection refused');
    expect(py.stdout).toContain('6379 failed: Connection refused');
    expect(py.stdout).toContain('53 failed: Network is unreachable');

    const js = await run(
      'javascript',
      `const net = require('net');
for (const port of [5432, 6379]) {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('connect', () => { console.log(port, 'CONNECTED'); socket.destroy(); });
  socket.on('error', (e) => console.log(port, 'failed:', e.code));
}`,
    );
    expect(js.stdout).not.toContain('CONNECTED');
    expect(js.stdout).toContain('5432 failed: ECONNREFUSED');
    expect(js.stdout).toContain('6379 failed: ECONNREFUSED');
  });

  it('writes nowhere but the scratch folder', async () => {
    const mark = marker();
    const inRepo = path.join(REPO_ROOT, `${mark}.txt`);
    const inTmp = `/tmp/${mark}.txt`;
    const targets = [
      inTmp,
      `/usr/${mark}`,
      inRepo,
      `/${mark}`,
      `/dev/shm/${mark}`,
      `/etc/${mark}`,
      `/sandbox/../${mark}`,
    ];
    const result = await run(
      'python',
      `for p in ${JSON.stringify(targets)}:
    try:
        open(p, "w").write("x")
        print(p, "WROTE")
    except OSError as e:
        print(p, "refused", e.strerror)
open("/sandbox/mine.txt", "w").write("ok")
print("scratch", open("mine.txt").read())
`,
    );
    expect(result.verdict).toBe('ok');
    expect(result.stdout).not.toContain('WROTE');
    expect(result.stdout).toContain('scratch ok');
    for (const target of targets) expect(result.stdout).toContain(`${target} refused`);
    expect(existsSync(inRepo)).toBe(false);
    expect(existsSync(inTmp)).toBe(false);
  });

  it('runs as an unprivileged user that cannot make new user namespaces', async () => {
    const result = await run(
      'python',
      `import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
print("uid", os.getuid(), "unshare", libc.unshare(0x10000000), os.strerror(ctypes.get_errno()))
print([l for l in open("/proc/self/status").read().splitlines() if l.startswith(("CapEff", "NoNewPrivs"))])
`,
    );
    expect(result.verdict).toBe('ok');
    expect(result.stdout).toContain('unshare -1 Operation not permitted');
    expect(result.stdout).toContain("'CapEff:\\t0000000000000000'");
    expect(result.stdout).toContain("'NoNewPrivs:\\t1'");
    const uid = Number(/uid (\d+)/.exec(result.stdout)?.[1]);
    if (isRoot) {
      expect(uid).toBeGreaterThanOrEqual(UID_BASE);
      expect(uid).toBeLessThan(UID_BASE + UID_COUNT);
    } else {
      expect(uid).toBe(process.getuid?.());
    }
  });

  it('cannot see or signal the host processes', async () => {
    const result = await run(
      'python',
      `import os\nprint(sorted(int(p) for p in os.listdir("/proc") if p.isdigit()))\ntry:\n    os.kill(${process.pid}, 9)\n    print("KILLED")\nexcept OSError as e:\n    print("kill refused", e.strerror)`,
    );
    expect(result.verdict).toBe('ok');
    expect(result.stdout).not.toContain('KILLED');
    // Only the sandbox's own PID namespace: its init and the program.
    expect(result.stdout.split('\n')[0]).toMatch(/^\[1, 2\]$/);
  });
});

describe('BubblewrapSandbox: when it cannot run', () => {
  it('says bubblewrap is missing and answers every run with "unavailable"', async () => {
    const missing = new BubblewrapSandbox({ bwrapPath: '/nonexistent/bwrap', scratchRoot });
    const check = await missing.check();
    expect(check.ok).toBe(false);
    expect(check.ok === false && check.reason).toMatch(/bubblewrap is not installed/);
    const result = await missing.run({ language: 'python', files: { 'a.py': 'print(1)' }, entry: 'a.py' });
    expect(result).toMatchObject({ verdict: 'unavailable', exitCode: null, stdout: '' });
    expect(result.message).toMatch(/bubblewrap is not installed/);
  });

  it('says when bwrap cannot make its namespaces, and answers runs with "unavailable"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-spec-bwrap-'));
    try {
      // What bwrap prints where unprivileged user namespaces are switched off.
      const fake = path.join(dir, 'bwrap');
      writeFileSync(
        fake,
        '#!/bin/sh\necho "bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces." >&2\nexit 1\n',
        { mode: 0o755 },
      );
      const refused = new BubblewrapSandbox({ bwrapPath: fake, scratchRoot });
      const check = await refused.check();
      expect(check.ok === false && check.reason).toMatch(
        /^bubblewrap cannot start a sandbox here: .*No permissions to creating new namespace.*\(are user namespaces disabled\?/,
      );
      const result = await refused.run({ language: 'python', files: { 'a.py': 'print(1)' }, entry: 'a.py' });
      expect(result.verdict).toBe('unavailable');
      expect(result.message).toMatch(/No permissions to creating new namespace/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which interpreter is missing', async () => {
    const noPython = new BubblewrapSandbox({ pythonPath: '/nonexistent/python3', scratchRoot });
    expect(await noPython.check()).toEqual({ ok: false, reason: expect.stringMatching(/Python is missing/) });
    expect((await noPython.run({ language: 'python', files: { 'a.py': '' }, entry: 'a.py' })).verdict).toBe(
      'unavailable',
    );
    expect((await noPython.run({ language: 'javascript', files: { 'a.js': '' }, entry: 'a.js' })).verdict).toBe('ok');
  });

  it('runs a Node that lives outside /usr, in a folder only its owner may enter (like ~/.nvm)', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'sandbox-spec-home-')); // 0700, as /root is
    try {
      const bin = path.join(home, '.nvm', 'versions', 'node', process.version, 'bin');
      mkdirSync(bin, { recursive: true });
      const node = path.join(bin, 'node');
      try {
        linkSync(realpathSync(process.execPath), node);
      } catch {
        copyFileSync(realpathSync(process.execPath), node, constants.COPYFILE_FICLONE);
      }
      const nvm = new BubblewrapSandbox({
        nodePath: node,
        scratchRoot,
        defaults: TEST_LIMITS,
        uidBase: UID_BASE,
        uidCount: UID_COUNT,
      });
      const result = await nvm.run({
        language: 'javascript',
        files: { 'a.js': 'console.log(process.execPath)' },
        entry: 'a.js',
      });
      expect(result).toMatchObject({ verdict: 'ok', stdout: `${node}\n` });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('rejects file names that are paths', async () => {
    await expect(run('python', '', { files: { '../evil.py': '' } })).rejects.toThrow(/plain names/);
    await expect(sandbox.run({ language: 'python', files: { 'a.py': '' }, entry: 'b.py' })).rejects.toThrow(
      /not one of the files/,
    );
  });
});
