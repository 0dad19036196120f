import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SupervisedProcess } from './supervisor';

/** A process that dies soon after it reports ready, every time: a crash loop. */
function crashingScript(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mockroom-supervisor-'));
  const script = join(dir, 'crash.js');
  writeFileSync(script, "process.send({ type: 'ready' }); setTimeout(() => process.exit(3), 30);\n");
  return script;
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SupervisedProcess', () => {
  it('restarts a process that keeps dying, waiting longer each time, and says so', async () => {
    const lines: string[] = [];
    const supervised = new SupervisedProcess(
      'worker',
      crashingScript(),
      { ...process.env },
      'ready',
      (line) => lines.push(line),
      [100, 200, 400],
    );
    await supervised.start();
    try {
      await until(() => lines.filter((l) => /stopped unexpectedly/.test(l)).length >= 4);
      const waits = lines.filter((l) => /stopped unexpectedly/.test(l)).map((l) => /again in ([\d.]+) s/.exec(l)![1]);
      // Longer each time it dies soon again, then the longest, not more.
      expect(waits.slice(0, 4)).toEqual(['0.1', '0.2', '0.4', '0.4']);
      expect(lines.filter((l) => /is running again \(pid \d+\)/.test(l)).length).toBeGreaterThanOrEqual(3);
      expect(lines[0]).toBe('The worker stopped unexpectedly (exit code 3); starting it again in 0.1 s.');
    } finally {
      await supervised.stop();
    }
    // Stopped for good: nothing starts it again.
    const restarted = lines.filter((l) => /is running again/.test(l)).length;
    await new Promise((r) => setTimeout(r, 800));
    expect(lines.filter((l) => /is running again/.test(l)).length).toBe(restarted);
  }, 20_000);
});
