import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The checkout the running code belongs to: the nearest folder above `from` holding nx.json (compiled code runs from
 * dist/server inside it). The working directory when there is none.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
