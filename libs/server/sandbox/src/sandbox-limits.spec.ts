import {
  DEFAULT_SANDBOX_LIMITS,
  OutputBudget,
  decodeCut,
  describeVerdict,
  formatBytes,
  resolveLimits,
} from './sandbox-limits';

describe('resolveLimits', () => {
  it('layers defaults, sandbox defaults and the run, rounding up', () => {
    expect(resolveLimits()).toEqual(DEFAULT_SANDBOX_LIMITS);
    expect(resolveLimits({ cpuMs: 1000, wallMs: 3000 }, { wallMs: 2500.2, memoryMb: undefined })).toEqual({
      ...DEFAULT_SANDBOX_LIMITS,
      cpuMs: 1000,
      wallMs: 2501,
    });
  });

  it('refuses limits that are not positive numbers', () => {
    expect(() => resolveLimits({ memoryMb: 0 })).toThrow(/memoryMb must be a positive number/);
    expect(() => resolveLimits({ wallMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('OutputBudget', () => {
  it('keeps stdout and stderr together up to the limit, then refuses', () => {
    const budget = new OutputBudget(10);
    expect(budget.take('stdout', Buffer.from('abcdef'))).toBe(true);
    expect(budget.take('stderr', Buffer.from('ghijkl'))).toBe(false);
    expect(budget.take('stdout', Buffer.from('more'))).toBe(false);
    expect([budget.text('stdout'), budget.text('stderr'), budget.exceeded]).toEqual(['abcdef', 'ghij', true]);
  });

  it('never ends on half a character', () => {
    expect(decodeCut(Buffer.from('añ€😀', 'utf8'))).toBe('añ€😀');
    expect(decodeCut(Buffer.from('añ€😀', 'utf8').subarray(0, 8))).toBe('añ€');
    expect(decodeCut(Buffer.from('añ€', 'utf8').subarray(0, 5))).toBe('añ');
    expect(decodeCut(Buffer.from('añ', 'utf8').subarray(0, 2))).toBe('a');
  });
});

describe('messages', () => {
  it('says each stop in a sentence', () => {
    const detail = { exitCode: null, signal: 'SIGKILL', wallMs: 10_000 };
    expect(describeVerdict('timeout', DEFAULT_SANDBOX_LIMITS, detail)).toBe(
      'Stopped after 10 s: the program was still running.',
    );
    expect(describeVerdict('cpu-limit', { ...DEFAULT_SANDBOX_LIMITS, cpuMs: 1500 }, detail)).toBe(
      'Stopped after 2 s of CPU time: the program was still computing.',
    );
    expect(describeVerdict('output-limit', DEFAULT_SANDBOX_LIMITS, detail)).toBe(
      'Stopped: the program printed more than 64 KiB of output.',
    );
    expect(formatBytes(8 * 1024 * 1024)).toBe('8 MiB');
  });
});
