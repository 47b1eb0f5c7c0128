#!/usr/bin/env node
// The `rapport` command: runs the TypeScript CLI (src/cli) through tsx, so it
// works straight after `npm install` with no build step.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/main.ts')
process.exitCode = await runCli(process.argv.slice(2))
