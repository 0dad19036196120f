import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { which } from '../../util/process';

/** Where the Debian package pocketsphinx-en-us puts the US English model. */
export const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

export interface PocketSphinxModel {
  /** Acoustic model directory (-hmm). */
  hmm: string;
  /** Language model (-lm). */
  lm: string;
  /** Pronouncing dictionary (-dict). */
  dict: string;
}

export interface PocketSphinxModelOptions {
  /** Folder holding en-us/, en-us.lm.bin and cmudict-en-us.dict (default /usr/share/pocketsphinx/model/en-us). */
  modelDir?: string;
  /** Override single model files. */
  hmm?: string;
  lm?: string;
  dict?: string;
  /** Where programs are looked for (PATH syntax). */
  searchPath?: string;
}

export const INSTALL_HINT =
  'install the Debian/Ubuntu packages pocketsphinx and pocketsphinx-en-us (apt-get install pocketsphinx pocketsphinx-en-us)';
export const INSTALL_DEV_HINT =
  'install libpocketsphinx-dev, libsphinxbase-dev and a C compiler (gcc) for the fast resident decoder';

export function resolveModel(options: PocketSphinxModelOptions = {}): PocketSphinxModel {
  const dir = options.modelDir ?? DEFAULT_MODEL_DIR;
  return {
    hmm: options.hmm ?? join(dir, 'en-us'),
    lm: options.lm ?? join(dir, 'en-us.lm.bin'),
    dict: options.dict ?? join(dir, 'cmudict-en-us.dict'),
  };
}

/** What is missing for PocketSphinx on this machine (empty when it can run). */
export function pocketsphinxProblems(options: PocketSphinxModelOptions = {}): string[] {
  const model = resolveModel(options);
  const problems: string[] = [];
  if (!existsSync(join(model.hmm, 'mdef'))) problems.push(`no PocketSphinx acoustic model at ${model.hmm}`);
  if (!existsSync(model.lm)) problems.push(`no PocketSphinx language model at ${model.lm}`);
  if (!existsSync(model.dict)) problems.push(`no PocketSphinx dictionary at ${model.dict}`);
  if (!which('pocketsphinx_continuous', options.searchPath) && nativeBuildProblems(options).length > 0) {
    problems.push('neither pocketsphinx_continuous nor the PocketSphinx C library is installed');
  }
  return problems;
}

/** Whether PocketSphinx can transcribe here (model files, and the program or the library to build the resident decoder). */
export function pocketsphinxAvailable(options: PocketSphinxModelOptions = {}): boolean {
  return pocketsphinxProblems(options).length === 0;
}

/** Header folders for the PocketSphinx and SphinxBase C API when pkg-config is not available. */
export function knownIncludeDirs(): string[] {
  const dirs = [
    '/usr/include/pocketsphinx',
    '/usr/include/sphinxbase',
    '/usr/local/include/pocketsphinx',
    '/usr/local/include/sphinxbase',
  ];
  // Debian puts part of sphinxbase under the multiarch folder (/usr/include/x86_64-linux-gnu/sphinxbase).
  for (const base of ['/usr/include', '/usr/local/include']) {
    try {
      for (const entry of readdirSync(base, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name.includes('-linux-')) {
          const candidate = join(base, entry.name, 'sphinxbase');
          if (existsSync(candidate)) dirs.push(join(base, entry.name), candidate);
        }
      }
    } catch {
      // no such folder
    }
  }
  return dirs.filter((d) => existsSync(d));
}

/** What stops the resident decoder from being compiled (empty when it can be). */
export function nativeBuildProblems(options: { searchPath?: string; compiler?: string } = {}): string[] {
  const problems: string[] = [];
  if (!which(options.compiler ?? 'cc', options.searchPath))
    problems.push(`no C compiler (${options.compiler ?? 'cc'}) found`);
  const includes = knownIncludeDirs();
  if (!includes.some((d) => existsSync(join(d, 'pocketsphinx.h'))))
    problems.push('the PocketSphinx headers (pocketsphinx.h) are missing');
  if (!includes.some((d) => existsSync(join(d, 'cmd_ln.h'))))
    problems.push('the SphinxBase headers (cmd_ln.h) are missing');
  return problems;
}
