import type { ErrorCode } from '../shared/api'

/** Where the CLI writes, so tests can capture it. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /** Standard input as text, or null when it is a terminal (nothing piped in). */
  readStdin(): Promise<string | null>
  /** Asks for a secret at the terminal without showing what is typed; null when there is no terminal to ask at. */
  askSecret?(prompt: string): Promise<string | null>
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  async readStdin() {
    if (process.stdin.isTTY) return null
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
  askSecret: (prompt) => (process.stdin.isTTY && process.stderr.isTTY ? askHidden(prompt) : Promise.resolve(null))
}

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl+C cancels. */
function askHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process
  stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    let typed: string[] = []
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr.write('\n')
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish()
          return resolve(typed.join(''))
        }
        if (char === '\u0003') {
          finish()
          return reject(new CliError('Cancelled.'))
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1)
        else typed.push(char)
      }
    }
    stdin.on('data', onData)
  })
}

/** A problem the CLI reports (exit 1), or wrong usage (exit 2). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** The core's error code, when the core refused (a `conflict`, say). */
    readonly code?: ErrorCode
  ) {
    super(message)
  }
}

export const usageError = (message: string): CliError => new CliError(message, 2)
