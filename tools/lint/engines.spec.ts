import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';

/**
 * Every package an install brings must run on the oldest Node.js the README promises: a dependency that declares a
 * newer one makes `npm install` warn (EBADENGINE) on every user's machine, and may not work there.
 */
describe('dependencies and the supported Node.js', () => {
  const root = join(__dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
  };

  it('the oldest supported Node.js satisfies every installed package', () => {
    const oldest = minVersion(pkg.engines.node)!.version;
    const refused = Object.entries(lock.packages)
      .filter(
        ([path, entry]) =>
          path &&
          !entry.optional &&
          !Array.isArray(entry.engines) &&
          entry.engines?.node &&
          !satisfies(oldest, entry.engines.node),
      )
      .map(
        ([path, entry]) =>
          `${path.replace(/^.*node_modules\//, '')} wants node ${(entry.engines as { node: string }).node}`,
      );
    expect({ oldest, refused }).toEqual({ oldest: '20.19.0', refused: [] });
  });
});
