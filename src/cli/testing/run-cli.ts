import type { Clock } from '../../core/relationship/viewpoint'
import { runCli } from '../main'
import type { Io } from '../output'

/** Runs the CLI in-process with captured output, optional piped stdin, environment and clock. */
export async function rapport(args: string[], stdin: string | null = null, env: NodeJS.ProcessEnv = {}, clock?: Clock) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), readStdin: async () => stdin }
  const code = await runCli(args, io, env, clock)
  return { code, out: out.join('\n'), err: err.join('\n') }
}
