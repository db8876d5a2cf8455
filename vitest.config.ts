import { defineConfig } from 'vitest/config';

const shared = {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Two cores: more workers than that only adds contention with PostgreSQL and Chromium.
  maxWorkers: 2,
};

// The groups run one after another. End-to-end files each start OpenOX with a worker that takes any
// queued job on the shared database (and mails it to its own mailbox), and crash tests kill workers
// under full load: each runs alone.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'suite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.crash.test.ts', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      { test: { ...shared, name: 'e2e', include: ['e2e/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } } },
      { test: { ...shared, name: 'crash', include: ['src/**/*.crash.test.ts'], sequence: { groupOrder: 2 } } },
    ],
  },
});
