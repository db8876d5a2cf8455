import { defineConfig } from 'vitest/config';

const shared = {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Two cores: more workers than that only adds contention with PostgreSQL and Chromium.
  maxWorkers: 2,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'suite',
          include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.crash.test.ts', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      // Crash tests kill worker processes and load both cores: they run alone, after the suite.
      { test: { ...shared, name: 'crash', include: ['src/**/*.crash.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
