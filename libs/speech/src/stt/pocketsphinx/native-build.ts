import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errorMessage } from '../../errors';
import { isExecutable, run, which } from '../../util/process';
import { INSTALL_DEV_HINT, knownIncludeDirs } from './model';

/**
 * Builds libs/speech/native/ps-decoder.c, the resident PocketSphinx decoder, into a cache folder.
 * The file name carries a hash of the source (and platform), so an edited source is rebuilt.
 * Once per process per binary (concurrent callers share one build); concurrent processes are
 * safe because each compiles to its own temporary name and renames it into place.
 */

export interface NativeBuildOptions {
  binDir: string;
  /** The C source (default: found by walking up from this file to libs/speech/native/ps-decoder.c). */
  sourcePath?: string;
  /** C compiler (default "cc"). */
  compiler?: string;
  searchPath?: string;
}

export class NativeBuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NativeBuildError';
  }
}

const builds = new Map<string, Promise<string>>();

export const DECODER_SOURCE_NAME = 'ps-decoder.c';

/** Finds the decoder's C source from wherever this module runs (sources or dist/server). */
export function findDecoderSource(from: string = __dirname): string | null {
  let dir = resolve(from);
  for (;;) {
    for (const candidate of [
      join(dir, 'native', DECODER_SOURCE_NAME),
      join(dir, 'libs', 'speech', 'native', DECODER_SOURCE_NAME),
    ]) {
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Path of the compiled decoder, compiling it first if needed. */
export async function ensureDecoderBinary(options: NativeBuildOptions): Promise<string> {
  const sourcePath = options.sourcePath ?? findDecoderSource();
  if (!sourcePath)
    throw new NativeBuildError(
      `cannot find ${DECODER_SOURCE_NAME} (looked for libs/speech/native/ above ${__dirname})`,
    );
  const source = await readFile(sourcePath);
  const hash = createHash('sha256')
    .update(source)
    .update(`${process.platform}-${process.arch}`)
    .digest('hex')
    .slice(0, 16);
  const target = resolve(options.binDir, `ps-decoder-${hash}`);
  let build = builds.get(target);
  if (!build) {
    build = compile(sourcePath, target, options);
    builds.set(target, build);
    // A failed build may succeed later (packages installed meanwhile): do not cache failures.
    void build.catch(() => builds.delete(target));
  }
  return build;
}

async function compile(sourcePath: string, target: string, options: NativeBuildOptions): Promise<string> {
  if (isExecutable(target)) return target;
  const compilerName = options.compiler ?? 'cc';
  const compiler = which(compilerName, options.searchPath);
  if (!compiler) throw new NativeBuildError(`no C compiler (${compilerName}) found; ${INSTALL_DEV_HINT}`);
  const flags = await compilerFlags(options.searchPath);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const result = await run(compiler, ['-O2', '-o', temporary, sourcePath, ...flags], { timeoutMs: 120_000 });
    if (result.code !== 0) {
      const output = result.stderr.trim().split('\n').slice(0, 12).join('\n');
      const headersMissing = /pocketsphinx\.h|sphinxbase|cannot find -l/.test(result.stderr);
      throw new NativeBuildError(
        `compiling the PocketSphinx decoder failed${headersMissing ? ` (${INSTALL_DEV_HINT})` : ''}:\n${output}`,
      );
    }
    await chmod(temporary, 0o755);
    await rename(temporary, target);
    await removeStaleBuilds(target);
    return target;
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof NativeBuildError) throw error;
    throw new NativeBuildError(`compiling the PocketSphinx decoder failed: ${errorMessage(error)}`, { cause: error });
  }
}

/** Deletes decoders built from earlier versions of the source (a running one keeps working: its file stays open). */
async function removeStaleBuilds(current: string): Promise<void> {
  const dir = dirname(current);
  const keep = basename(current);
  try {
    for (const name of await readdir(dir)) {
      if (/^ps-decoder-[0-9a-f]{16}$/.test(name) && name !== keep) await rm(join(dir, name), { force: true });
    }
  } catch {
    // best effort
  }
}

async function compilerFlags(searchPath?: string): Promise<string[]> {
  const pkgConfig = which('pkg-config', searchPath);
  if (pkgConfig) {
    try {
      const result = await run(pkgConfig, ['--cflags', '--libs', 'pocketsphinx', 'sphinxbase'], { timeoutMs: 10_000 });
      if (result.code === 0) {
        const flags = result.stdout.toString('utf8').trim().split(/\s+/).filter(Boolean);
        // The decoder does not use the audio-device library; linking it would only add a dependency.
        return [...flags.filter((f) => f !== '-lsphinxad'), '-lm'];
      }
    } catch {
      // fall through to the known paths
    }
  }
  const includes = knownIncludeDirs();
  if (!includes.some((d) => existsSync(join(d, 'pocketsphinx.h')))) {
    throw new NativeBuildError(`the PocketSphinx headers are not installed; ${INSTALL_DEV_HINT}`);
  }
  return [...includes.map((d) => `-I${d}`), '-lpocketsphinx', '-lsphinxbase', '-lm'];
}
