import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Key derivation (scrypt, 128 MiB) is deliberately slow; integration tests unlock many times.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
