import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Files whose tests time what they do, race processes against each other, or drive a real
// terminal: run one at a time, after the rest, so that no other file's processes slow them.
const ALONE = [
  'test/slow/crash.test.ts',
  'test/slow/concurrency.test.ts',
  'test/e2e/interactive*.test.ts',
  'test/e2e/terminal-width.test.ts',
  'test/e2e/concurrent-changes.test.ts',
  // A time or a ratio of times bounded.
  'test/unit/data-stream.test.ts',
  'test/unit/template.test.ts',
  'test/unit/redact-time.test.ts',
  'test/unit/name-match-time.test.ts',
  'test/unit/long-timeline.test.ts',
  'test/e2e/hostile-text.test.ts',
];

/**
 * The files of test/slow first within their group, then vitest's own order (the longest last
 * time first; without a record of times, as on a fresh clone, the largest file first). A slow
 * file is small and was run last there, and alone kept one core waiting a minute for it.
 */
class SlowFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = new Map((await super.sort(files)).map((f, k) => [f, k]));
    const slow = (f: TestSpecification) => (f.moduleId.includes('/test/slow/') ? 0 : 1);
    const group = (f: TestSpecification) => f.project.config.sequence.groupOrder ?? 0;
    return [...files].sort((a, b) => group(a) - group(b) || slow(a) - slow(b) || order.get(a)! - order.get(b)!);
  }
}

// Each settings of both groups.
const each = { setupFiles: ['test/setup-catalog.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: SlowFirst },
    projects: [
      {
        // Most of the time is spent waiting for the binary's processes: two files at once keep
        // both cores of a two-core machine busy (three were slower there).
        test: { ...each, name: 'together', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ALONE], maxWorkers: Math.max(2, availableParallelism()), sequence: { groupOrder: 0 } },
      },
      {
        test: { ...each, name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
