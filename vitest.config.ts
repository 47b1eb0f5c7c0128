import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // As the renderer's build has it, so a renderer module that reads a value from src/shared can be unit-tested.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks'
  }
})
