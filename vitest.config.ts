import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-catalog.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
