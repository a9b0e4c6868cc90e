// Ends every run with one plain line, "Tests: N passed, N failed, N skipped", that tools outside
// vitest (CI's check that tests really ran) can read whatever reporter is on screen.
import type { Reporter, TestModule } from 'vitest/node';

export default class PlainSummary implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const n = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') n.passed++;
        else if (state === 'failed') n.failed++;
        else n.skipped++;
      }
    }
    process.stdout.write(`\nTests: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped\n`);
  }
}
