import type { Clock } from '../../core/relationship/viewpoint'
import { runCli } from '../main'
import type { Io } from '../output'
import { stdinText } from '../stdin'

/** Runs the CLI in-process with captured output, optional piped stdin (text, or bytes as they would arrive), environment and clock. */
export async function rapport(args: string[], stdin: string | Uint8Array | null = null, env: NodeJS.ProcessEnv = {}, clock?: Clock) {
  const out: string[] = []
  const err: string[] = []
  const bytes = typeof stdin === 'string' ? Buffer.from(stdin) : stdin
  const io: Io = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readStdin: async () => (bytes ? stdinText(bytes) : null),
    readStdinBytes: async () => bytes
  }
  const code = await runCli(args, io, env, clock)
  return { code, out: out.join('\n'), err: err.join('\n') }
}
