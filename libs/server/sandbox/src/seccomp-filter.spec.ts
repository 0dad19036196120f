import { seccompFilter } from './seccomp-filter';

describe('seccompFilter', () => {
  it('compiles for x86-64 and arm64, whole 8-byte instructions, and skips other machines', () => {
    for (const arch of ['x64', 'arm64'] as const) {
      const filter = seccompFilter(arch);
      expect(filter).not.toBeNull();
      expect(filter!.length % 8).toBe(0);
      expect(filter!.length / 8).toBeLessThan(100);
    }
    expect(seccompFilter('ia32')).toBeNull();
  });
});
