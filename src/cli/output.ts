import { createInterface } from 'node:readline/promises'
import { stdinText } from './stdin'
import { CliError } from './cli-error'

/** Where the CLI writes, so tests can capture it. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /** Standard input as text, or null when it is a terminal (nothing piped in); bytes that are not UTF-8 text are refused (stdin.ts). */
  readStdin(): Promise<string | null>
  /** Standard input as it came, for a command that decodes it itself (new --windows-1252). */
  readStdinBytes?(): Promise<Uint8Array | null>
  /** Asks for a secret at the terminal without showing what is typed; null when there is no terminal to ask at. */
  askSecret?(prompt: string): Promise<string | null>
  /** Asks a yes/no question at the terminal (no is the default); null when there is no terminal to ask at. */
  confirm?(question: string): Promise<boolean | null>
}

/** Streams whose reader has gone: nothing more is written to them. */
const closed = new Set<NodeJS.WriteStream>()

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!closed.has(stream)) stream.write(text.endsWith('\n') ? text : `${text}\n`)
}

let guarded = false

/**
 * A reader that stops early (`rapport clients | head -1`) closes the pipe.
 * Like other Unix tools the command then ends quietly: what it writes is
 * dropped instead of crashing on EPIPE, and whatever it was doing to the
 * vault still finishes, so no file is left half-done.
 */
export function endQuietlyWhenOutputCloses(): void {
  if (guarded) return
  guarded = true
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      closed.add(stream)
    })
  }
}

export const processIo: Io = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  readStdin: async () => {
    const bytes = await readAllStdin()
    return bytes && stdinText(bytes)
  },
  readStdinBytes: readAllStdin,
  askSecret: (prompt) => (process.stdin.isTTY && process.stderr.isTTY ? askHidden(prompt) : Promise.resolve(null)),
  async confirm(question) {
    if (!process.stdin.isTTY || !process.stderr.isTTY) return null
    const terminal = createInterface({ input: process.stdin, output: process.stderr })
    try {
      return /^\s*y(es)?\s*$/i.test(await terminal.question(`${question} [y/N] `))
    } finally {
      terminal.close()
    }
  }
}

async function readAllStdin(): Promise<Buffer | null> {
  if (process.stdin.isTTY) return null
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
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

// The CLI's error lives in cli-error.ts so stdin.ts can throw it without importing this module back.
export { CliError, usageError } from './cli-error'
