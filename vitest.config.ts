import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Key derivation (scrypt, 128 MiB) is deliberately slow; integration tests unlock many times.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves one core free, which on a two-core CI machine means one test file
    // at a time; the files are independent (each works in its own temporary folders), so use
    // every core.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
