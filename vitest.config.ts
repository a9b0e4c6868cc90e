import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-dist.ts'],
    pool: 'forks',
    reporters: ['default', './test/helpers/plain-summary.ts'],
    testTimeout: 30_000,
  },
});
