import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The built-in rules written as YAML exist as a module only once the build has compiled them
    // (scripts/rules-data.js); src/ holds just its declaration. Tests read that compiled module,
    // the one that ships, which the global setup keeps up to date.
    alias: [
      { find: /^\.\/data\/compiled\.js$/, replacement: fileURLToPath(new URL('./dist/rules/data/compiled.js', import.meta.url)) },
      { find: /^\.\/data\/phrases\.js$/, replacement: fileURLToPath(new URL('./dist/nlp/lexicon/data/phrases.js', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-dist.ts'],
    pool: 'forks',
    reporters: ['default', './test/helpers/plain-summary.ts'],
    testTimeout: 30_000,
  },
});
