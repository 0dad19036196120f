import { spawn } from 'node:child_process';
import { constants as fsConstants, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { access, mkdir, mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { constants as osConstants, release, tmpdir } from 'node:os';
import path from 'node:path';
import type {
  CodeSandbox,
  SandboxLanguage,
  SandboxLimits,
  SandboxRequest,
  SandboxResult,
  SandboxVerdict,
} from './sandbox';
import {
  OutputBudget,
  describeVerdict,
  looksOutOfMemory,
  resolveLimits,
  unavailableResult,
  validateRequest,
} from './sandbox-limits';
import { killProcessesOf, listProcesses, sharedUidPool, type UidPool } from './sandbox-uid-pool';
import { seccompFilter } from './seccomp-filter';

export interface BubblewrapSandboxOptions {
  /** The bwrap binary (default /usr/bin/bwrap). */
  bwrapPath?: string;
  /** Where each run's host folder is made (source files, the seccomp filter), deleted after the run (default os.tmpdir()). */
  scratchRoot?: string;
  /** Limits for runs that do not set their own. */
  defaults?: Partial<SandboxLimits>;
  /** The Node binary programs run with (default: the one running this process). Its folder is bound read-only. */
  nodePath?: string;
  /** The Python interpreter (default /usr/bin/python3, else /usr/local/bin/python3). */
  pythonPath?: string;
  /** When this process is root: the first uid programs run as (default 61000)… */
  uidBase?: number;
  /** …and how many uids the pool has, i.e. how many runs at once (default 64). */
  uidCount?: number;
}

/** Where the program's scratch folder is inside the sandbox: its working directory, the only writable place. */
export const SANDBOX_DIR = '/sandbox';
const SANDBOX_ENV: Record<string, string> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: SANDBOX_DIR,
  TMPDIR: SANDBOX_DIR,
  LANG: 'C.UTF-8',
};
const OPEN_FILES = 256;
/**
 * Threads Node starts for itself (4 V8 workers, 4 libuv pool threads, the signal watcher, the inspector's), besides
 * the main one. They do not count against the program's `processes`: below 11 tasks Node aborts at its first fs call.
 */
const NODE_RUNTIME_THREADS = 10;
/** After a kill, how long to wait for the pipes to close before giving up on the rest of the output. */
const CLOSE_GRACE_MS = 2000;
const PROBE_WALL_MS = 10_000;
const MIB = 1024 * 1024;

interface Interpreter {
  path: string;
  /** bwrap arguments that make it visible inside (nothing when it lives under /usr). */
  mounts: string[];
}

interface Host {
  root: boolean;
  bwrap: string;
  prlimit: string;
  setpriv: string | null;
  systemMounts: string[];
  interpreters: Record<SandboxLanguage, Interpreter | { missing: string }>;
  seccomp: Buffer | null;
  /** Linux ≥ 5.14 counts RLIMIT_NPROC per user namespace: a non-root run's limit then covers its own tasks only. */
  nprocPerNamespace: boolean;
}

type Readiness = { ok: true; host: Host } | { ok: false; reason: string };

interface Launch {
  host: Host;
  limits: SandboxLimits;
  /** Files copied into the scratch tmpfs: name inside /sandbox, and the fd bwrap reads it from. */
  files: { name: string; fd: number; bytes: number }[];
  /** The fd bwrap reads the seccomp filter from. */
  seccompFd: number | null;
  /** Host fds handed to bwrap as its fds 3, 4, … */
  passFds: number[];
  /** Set when this process is root: the uid the program runs as. */
  uid: number | null;
  memory: 'address-space' | 'data';
  command: string[];
  stdin: string;
}

interface RawRun {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  stoppedFor: 'timeout' | 'output' | null;
  wallMs: number;
  spawnError: Error | null;
}

/**
 * Runs untrusted code on this machine: one bubblewrap sandbox per run, with no network, a read-only view of the system
 * (/usr and the interpreter), a size-limited tmpfs as its only writable folder, new PID/IPC/UTS namespaces, a seccomp
 * filter, and rlimits for CPU, memory, processes, file size and open files. When this process is root the program
 * runs as an unprivileged uid of its own (see UidPool); otherwise as the current user inside a user namespace.
 */
export class BubblewrapSandbox implements CodeSandbox {
  readonly name = 'bubblewrap (this machine)';
  private readonly bwrapPath: string;
  private readonly scratchRoot: string;
  private readonly defaults: Partial<SandboxLimits>;
  private readonly nodePath: string;
  private readonly pythonPath: string | undefined;
  private readonly uids: UidPool;
  private readiness: Promise<Readiness> | null = null;

  constructor(options: BubblewrapSandboxOptions = {}) {
    this.bwrapPath = options.bwrapPath ?? '/usr/bin/bwrap';
    this.scratchRoot = options.scratchRoot ?? tmpdir();
    this.defaults = options.defaults ?? {};
    resolveLimits(this.defaults); // fail at construction on a bad default, not on the first run
    this.nodePath = options.nodePath ?? process.execPath;
    this.pythonPath = options.pythonPath;
    this.uids = sharedUidPool(options.uidBase ?? 61000, options.uidCount ?? 64);
  }

  async check(): Promise<{ ok: true } | { ok: false; reason: string }> {
    const readiness = await this.prepare();
    if (!readiness.ok) return readiness;
    const missing = Object.values(readiness.host.interpreters).flatMap((i) => ('missing' in i ? [i.missing] : []));
    return missing.length > 0 ? { ok: false, reason: missing.join(' ') } : { ok: true };
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    validateRequest(request);
    const limits = resolveLimits(this.defaults, request.limits);
    const readiness = await this.prepare();
    if (!readiness.ok) return unavailableResult(readiness.reason);
    const interpreter = readiness.host.interpreters[request.language];
    if ('missing' in interpreter) return unavailableResult(interpreter.missing);

    const uid = readiness.host.root ? await this.uids.acquire() : null;
    try {
      return await this.runIn(readiness.host, interpreter, request, limits, uid);
    } finally {
      if (uid !== null) {
        await killProcessesOf(uid);
        this.uids.release(uid);
      }
    }
  }

  /** What bwrap and the tools it needs look like here; probed with a real (empty) run. Cached. */
  private prepare(): Promise<Readiness> {
    this.readiness ??= this.probeHost();
    return this.readiness;
  }

  private async probeHost(): Promise<Readiness> {
    const root = process.getuid?.() === 0;
    if (!(await isExecutable(this.bwrapPath))) {
      return {
        ok: false,
        reason: `bubblewrap is not installed (no program at ${this.bwrapPath}): install the "bubblewrap" package, or set CODE_RUNNER_URL to a Piston server.`,
      };
    }
    const prlimit = await firstExecutable(['/usr/bin/prlimit', '/bin/prlimit']);
    if (!prlimit) return { ok: false, reason: 'prlimit is missing: install the "util-linux" package.' };
    const setpriv = root ? await firstExecutable(['/usr/bin/setpriv', '/bin/setpriv']) : null;
    if (root && !setpriv) return { ok: false, reason: 'setpriv is missing: install the "util-linux" package.' };

    const host: Host = {
      root,
      bwrap: this.bwrapPath,
      prlimit,
      setpriv,
      systemMounts: systemMounts(),
      interpreters: {
        javascript: await nodeInterpreter(this.nodePath),
        python: await pythonInterpreter(this.pythonPath),
      },
      seccomp: seccompFilter(),
      nprocPerNamespace: kernelAtLeast(5, 14),
    };

    // An empty program through the whole chain: namespaces, mounts, filter, uid change, limits, interpreter.
    const language: SandboxLanguage = 'missing' in host.interpreters.javascript ? 'python' : 'javascript';
    const interpreter = host.interpreters[language];
    if ('missing' in interpreter) return { ok: false, reason: interpreter.missing };
    const probe = () =>
      this.runIn(
        host,
        interpreter,
        { language, files: { 'probe.txt': '' }, entry: 'probe.txt' },
        resolveLimits(this.defaults, { wallMs: PROBE_WALL_MS }),
        root ? this.uids.base + this.uids.size : null, // just past the pool: never a run's uid
        true,
      );
    let result = await probe();
    if (result.verdict !== 'ok' && host.seccomp && /seccomp|system call filter/i.test(result.message)) {
      host.seccomp = null; // a kernel without seccomp filters: the namespaces and the uid still hold
      result = await probe();
    }
    if (root) await killProcessesOf(this.uids.base + this.uids.size);
    if (result.verdict !== 'ok') {
      const said =
        result.verdict === 'unavailable'
          ? result.message.replace(/^The sandbox could not be (set up|started): /, '')
          : firstLine(result.stderr) || result.message;
      const hint = /namespace|uid map/i.test(said)
        ? ' (are user namespaces disabled? see kernel.unprivileged_userns_clone, user.max_user_namespaces, or an AppArmor or container restriction)'
        : '';
      return { ok: false, reason: `bubblewrap cannot start a sandbox here: ${said}${hint}` };
    }
    return { ok: true, host };
  }

  private async runIn(
    host: Host,
    interpreter: Interpreter,
    request: SandboxRequest,
    limits: SandboxLimits,
    uid: number | null,
    probe = false,
  ): Promise<SandboxResult> {
    // The host side of a run: the files to copy in and the filter, read by bwrap through fds, deleted afterwards.
    const dir = await mkdtemp(path.join(this.scratchRoot, 'mockroom-sandbox-'));
    const handles: FileHandle[] = [];
    try {
      await mkdir(path.join(dir, 'files'), { mode: 0o700 });
      // Each is passed to bwrap as an extra fd: the i-th one is fd 3 + i in bwrap.
      const passOpen = async (file: string, content: string | Buffer): Promise<number> => {
        await writeFile(file, content, { mode: 0o600 });
        const handle = await open(file, 'r');
        handles.push(handle);
        return 2 + handles.length;
      };
      const files: Launch['files'] = [];
      for (const [name, content] of Object.entries(request.files)) {
        const fd = await passOpen(path.join(dir, 'files', name), content);
        files.push({ name, fd, bytes: Buffer.byteLength(content) });
      }
      const seccompFd = host.seccomp ? await passOpen(path.join(dir, 'seccomp.bpf'), host.seccomp) : null;

      const entry = `${SANDBOX_DIR}/${request.entry}`;
      const command = probe
        ? request.language === 'javascript'
          ? [interpreter.path, '-e', '']
          : [interpreter.path, '-E', '-s', '-c', '']
        : request.language === 'javascript'
          ? // V8 reserves far more address space than it uses, so Node is held by RLIMIT_DATA and its own heap limit.
            [interpreter.path, `--max-old-space-size=${limits.memoryMb}`, entry]
          : // -E -s: no PYTHON* variables, no user site; -B: no .pyc; -u: output survives a kill.
            [interpreter.path, '-E', '-s', '-B', '-u', entry];
      const launch: Launch = {
        host,
        limits,
        files,
        seccompFd,
        uid,
        memory: request.language === 'javascript' ? 'data' : 'address-space',
        command,
        stdin: request.stdin ?? '',
        passFds: handles.map((h) => h.fd),
      };
      const own = request.language === 'javascript' ? NODE_RUNTIME_THREADS : 0;
      const nproc = await this.processLimit(host, limits.processes + own);
      const raw = await execute(host.bwrap, sandboxArgs(launch, interpreter, nproc), launch);
      return interpret(raw, limits);
    } finally {
      await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The RLIMIT_NPROC value that gives the program `processes` tasks of its own. */
  private async processLimit(host: Host, processes: number): Promise<number> {
    if (host.root) return processes; // the run's uid owns nothing else
    // In its user namespace, bwrap's init process counts too.
    if (host.nprocPerNamespace) return processes + 1;
    // Older kernels count every task of this user, so the limit sits above what the user already runs.
    const uid = process.getuid?.() ?? -1;
    const own = (await listProcesses()).filter((p) => p.uid === uid).reduce((sum, p) => sum + p.threads, 0);
    return own + processes + 1;
  }
}

/** The bwrap command line for one run. */
function sandboxArgs(launch: Launch, interpreter: Interpreter, nproc: number): string[] {
  const { host, limits } = launch;
  const args: string[] = [];
  if (host.root) {
    // No user namespace: inside one, uid 0 would still be host root, and RLIMIT_NPROC never applies to root.
    // The program drops to its own uid with setpriv instead.
    args.push('--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try');
    // setpriv needs these three to change uid and empty the bounding set; the program ends up with none.
    args.push('--cap-drop', 'ALL', '--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID', '--cap-add', 'CAP_SETPCAP');
  } else {
    args.push('--unshare-all', '--unshare-user', '--disable-userns', '--cap-drop', 'ALL');
  }
  args.push('--die-with-parent', '--new-session', '--hostname', 'sandbox', '--clearenv');
  for (const [key, value] of Object.entries(SANDBOX_ENV)) args.push('--setenv', key, value);
  args.push(...host.systemMounts, ...interpreter.mounts);
  args.push('--proc', '/proc', '--dev', '/dev');
  const sources = launch.files.reduce((sum, f) => sum + f.bytes, 0);
  args.push('--perms', '1777', '--size', String(limits.scratchBytes + sources), '--tmpfs', SANDBOX_DIR);
  for (const file of launch.files) {
    args.push('--perms', '0644', '--file', String(file.fd), `${SANDBOX_DIR}/${file.name}`);
  }
  // Nothing but the scratch folder stays writable (without a user namespace / and /dev belong to root anyway).
  args.push('--remount-ro', '/', '--remount-ro', '/dev');
  args.push('--chdir', SANDBOX_DIR);
  if (launch.seccompFd !== null) args.push('--seccomp', String(launch.seccompFd));
  args.push('--');

  if (host.root) {
    // Never start a program as root: without its own uid it would keep bwrap's capabilities.
    if (launch.uid === null || !host.setpriv) throw new Error('A run as root needs a uid and setpriv');
    args.push(
      host.setpriv,
      `--reuid=${launch.uid}`,
      `--regid=${launch.uid}`,
      '--clear-groups',
      '--inh-caps=-all',
      '--bounding-set=-all',
      '--no-new-privs',
    );
  }
  const cpuSeconds = Math.max(1, Math.ceil(limits.cpuMs / 1000));
  const memoryBytes = limits.memoryMb * MIB;
  args.push(
    host.prlimit,
    // SIGXCPU at the soft limit; SIGKILL a second later if the program ignores it.
    `--cpu=${cpuSeconds}:${cpuSeconds + 1}`,
    launch.memory === 'data' ? `--data=${memoryBytes}` : `--as=${memoryBytes}`,
    `--nproc=${nproc}`,
    `--fsize=${limits.scratchBytes}`,
    `--nofile=${OPEN_FILES}`,
    '--core=0',
    '--',
    ...launch.command,
  );
  return args;
}

/** Runs bwrap, feeds stdin, keeps output within its budget, and kills the whole sandbox on timeout or overflow. */
function execute(bwrap: string, args: string[], launch: Launch): Promise<RawRun> {
  const { limits } = launch;
  return new Promise<RawRun>((resolve) => {
    const started = performance.now();
    const budget = new OutputBudget(limits.outputBytes);
    let stoppedFor: RawRun['stoppedFor'] = null;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;

    const child = spawn(bwrap, args, {
      stdio: ['pipe', 'pipe', 'pipe', ...launch.passFds],
      detached: true, // its own process group, killed as one
      env: {},
    });

    const stop = (reason: 'timeout' | 'output') => {
      if (stoppedFor !== null) return;
      stoppedFor = reason;
      kill();
      // Pipes normally close as soon as the namespace is gone; never wait on them for ever.
      setTimeout(() => finish(exit?.code ?? null, exit?.signal ?? 'SIGKILL'), CLOSE_GRACE_MS).unref();
    };
    const kill = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const wall = setTimeout(() => stop('timeout'), limits.wallMs);

    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError: Error | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(wall);
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve({
        ...decodeStatus(code, signal),
        stdout: budget.text('stdout'),
        stderr: budget.text('stderr'),
        truncated: budget.exceeded,
        stoppedFor,
        wallMs: Math.round(performance.now() - started),
        spawnError,
      });
    };

    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream]?.on('data', (chunk: Buffer) => {
        if (!budget.take(stream, chunk)) stop('output');
      });
    }
    child.stdin?.on('error', () => undefined); // the program may exit without reading its input
    child.stdin?.end(launch.stdin);
    child.on('exit', (code, signal) => {
      exit = { code, signal };
    });
    child.on('close', (code, signal) => finish(code, signal));
    child.on('error', (error) => {
      kill();
      finish(null, null, error);
    });
  });
}

/** bwrap exits with the program's status, or 128 + N when signal N killed the program. */
function decodeStatus(
  code: number | null,
  signal: NodeJS.Signals | null,
): { exitCode: number | null; signal: string | null } {
  if (signal) return { exitCode: null, signal };
  if (code !== null && code > 128 && code <= 128 + 64) {
    const name = Object.entries(osConstants.signals).find(([, n]) => n === code - 128)?.[0];
    if (name) return { exitCode: null, signal: name };
  }
  return { exitCode: code, signal: null };
}

/** A failure of the sandbox's own setup (not the program's): the only thing printed is a tool's complaint. */
function isSetupFailure(raw: RawRun): boolean {
  return raw.exitCode === 1 && raw.stdout === '' && /^(bwrap|setpriv|prlimit): [^\n]*\n?$/.test(raw.stderr);
}

function interpret(raw: RawRun, limits: SandboxLimits): SandboxResult {
  if (raw.spawnError) {
    return unavailableResult(`The sandbox could not be started: ${raw.spawnError.message}.`, raw.wallMs);
  }
  if (raw.stoppedFor === null && isSetupFailure(raw)) {
    return unavailableResult(`The sandbox could not be set up: ${firstLine(raw.stderr)}`, raw.wallMs);
  }
  let verdict: SandboxVerdict;
  if (raw.stoppedFor === 'output') verdict = 'output-limit';
  else if (raw.stoppedFor === 'timeout') verdict = 'timeout';
  else if (raw.signal === 'SIGXCPU') verdict = 'cpu-limit';
  else if (raw.exitCode === 0) verdict = 'ok';
  else if (looksOutOfMemory(raw.stderr)) verdict = 'memory-limit';
  else if (raw.signal === 'SIGKILL') verdict = 'killed';
  else verdict = 'runtime-error';
  const { stoppedFor: _stopped, spawnError: _error, ...result } = raw;
  return { ...result, verdict, message: describeVerdict(verdict, limits, raw) };
}

/** Read-only binds of the system: /usr, and /bin, /lib… as they are here (merged-/usr symlinks or real folders). */
function systemMounts(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const dir of ['/bin', '/lib', '/lib32', '/lib64', '/libx32']) {
    try {
      const stat = lstatSync(dir);
      if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
      else if (stat.isDirectory()) args.push('--ro-bind', dir, dir);
    } catch {
      // Not on this system.
    }
  }
  // The loader's cache, and the alternatives some distributions route interpreters through. Nothing else of /etc.
  // The folder is made first and world-readable: bwrap would make it 0700, and Node stops on EACCES for openssl.cnf.
  args.push('--perms', '0755', '--dir', '/etc');
  args.push('--ro-bind-try', '/etc/ld.so.cache', '/etc/ld.so.cache');
  args.push('--ro-bind-try', '/etc/alternatives', '/etc/alternatives');
  return args;
}

const SYSTEM_DIRS = ['/usr', '/bin', '/lib', '/lib32', '/lib64', '/libx32'];

function isSystemPath(file: string): boolean {
  return SYSTEM_DIRS.some((dir) => file === dir || file.startsWith(`${dir}/`));
}

async function nodeInterpreter(nodePath: string): Promise<Interpreter | { missing: string }> {
  const real = realpathOrNull(nodePath);
  if (!real || !(await isExecutable(real))) return { missing: `Node.js is missing (no program at ${nodePath}).` };
  // Node is one self-contained binary: its folder is all it needs (e.g. ~/.nvm/versions/node/v20…/bin).
  return { path: real, mounts: isSystemPath(real) ? [] : readOnlyBind(path.dirname(real)) };
}

async function pythonInterpreter(pythonPath: string | undefined): Promise<Interpreter | { missing: string }> {
  const candidates = pythonPath ? [pythonPath] : ['/usr/bin/python3', '/usr/local/bin/python3'];
  for (const candidate of candidates) {
    const real = realpathOrNull(candidate);
    if (!real || !(await isExecutable(real))) continue;
    // Python needs its prefix (bin/ and lib/pythonX.Y beside it) when it lives outside /usr.
    const prefix = path.dirname(path.dirname(real));
    return { path: real, mounts: isSystemPath(real) ? [] : readOnlyBind(prefix) };
  }
  return { missing: `Python is missing (no python3 at ${candidates.join(' or ')}): install the "python3" package.` };
}

/**
 * Binds a host folder read-only at the same path. Its parents are made first, enterable by anyone: bwrap would make
 * them 0700 and root's, which the program's own uid could not pass through.
 */
function readOnlyBind(dir: string): string[] {
  const args: string[] = [];
  const parts = dir.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) args.push('--perms', '0755', '--dir', `/${parts.slice(0, i).join('/')}`);
  args.push('--ro-bind', dir, dir);
  return args;
}

function realpathOrNull(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function firstExecutable(files: string[]): Promise<string | null> {
  for (const file of files) if (await isExecutable(file)) return file;
  return null;
}

function kernelAtLeast(major: number, minor: number): boolean {
  const match = /^(\d+)\.(\d+)/.exec(release());
  if (!match) return false;
  const [have, haveMinor] = [Number(match[1]), Number(match[2])];
  return have > major || (have === major && haveMinor >= minor);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}
