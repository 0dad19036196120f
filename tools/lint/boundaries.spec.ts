import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The layering rules are only worth something if they fire. Each case writes a file with one forbidden
 * import into a real project, lints it with the repository's own configuration, and expects that rule.
 */
const root = resolve(__dirname, '../..');

const cases: { name: string; file: string; code: string; rule: string; message?: RegExp }[] = [
  {
    name: 'web importing server code',
    file: 'apps/web/src/__probe__.ts',
    code: "import { loadConfig } from '@mockroom/server-config';\nexport const probe = loadConfig;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'web importing NestJS',
    file: 'apps/web/src/__probe__.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'contracts importing a package',
    file: 'libs/contracts/src/__probe__.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'a lib importing an app',
    file: 'libs/server/queue/src/__probe__.ts',
    code: "import { createApiApp } from '../../../../apps/api/src/bootstrap';\nexport const probe = createApiApp;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'web importing the realtime lib',
    file: 'apps/web/src/__probe__.ts',
    code: "import { LiveEmitter } from '@mockroom/server-realtime';\nexport const probe = LiveEmitter;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'the realtime lib importing the job handlers',
    file: 'libs/server/realtime/src/__probe__.ts',
    code: "import { JobsModule } from '@mockroom/server-jobs';\nexport const probe = JobsModule;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'the interviews lib importing the job handlers',
    file: 'libs/server/interviews/src/__probe__.ts',
    code: "import { JobsModule } from '@mockroom/server-jobs';\nexport const probe = JobsModule;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'the question bank importing the database',
    file: 'libs/question-bank/src/__probe__.ts',
    code: "import { UserRepository } from '@mockroom/server-database';\nexport const probe = UserRepository;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'a controller touching TypeORM',
    file: 'apps/api/src/__probe__.ts',
    code: "import { Repository } from 'typeorm';\nexport const probe = Repository;\n",
    rule: 'no-restricted-imports',
    message: /Only repositories/,
  },
  {
    name: 'production code importing test helpers',
    file: 'apps/api/src/__probe__.ts',
    code: "import { testConfig } from '@mockroom/server-testing';\nexport const probe = testConfig;\n",
    rule: 'no-restricted-imports',
    message: /tests only/,
  },
  {
    name: 'a floating promise',
    file: 'apps/api/src/__probe__.ts',
    code: 'async function work(): Promise<void> {}\nexport function probe(): void {\n  work();\n}\n',
    rule: '@typescript-eslint/no-floating-promises',
  },
];

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string }[];
}

describe('module boundary and safety rules', () => {
  const allowed = {
    file: 'apps/api/src/__probe_ok__.ts',
    code: "import { QuestionBank } from '@mockroom/question-bank';\nexport const probe = QuestionBank;\n",
  };
  const probes = cases.map((c, i) => ({ ...c, file: c.file.replace('__probe__', `__probe_${i}__`) }));
  let results = new Map<string, LintResult>();

  beforeAll(() => {
    // ESLint runs as its own process, as in CI, with the repository's flat config.
    const files = [...probes, allowed].map(({ file, code }) => {
      writeFileSync(join(root, file), code);
      return file;
    });
    try {
      const run = spawnSync(
        process.execPath,
        [join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...files],
        { cwd: root, encoding: 'utf8' },
      );
      const parsed = JSON.parse(run.stdout) as LintResult[];
      results = new Map(parsed.map((r) => [r.filePath, r]));
    } finally {
      for (const file of files) rmSync(join(root, file), { force: true });
    }
  });

  it.each(probes)('reports $name', ({ file, rule, message }) => {
    const hits = results.get(join(root, file))!.messages.filter((m) => m.ruleId === rule);
    expect(hits.length).toBeGreaterThan(0);
    if (message) expect(hits[0].message).toMatch(message);
  });

  it('accepts the allowed direction (an app importing a lib through its alias)', () => {
    expect(results.get(join(root, allowed.file))!.messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});
