/** Where the CLI writes, so tests can capture it. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /** Standard input as text, or null when it is a terminal (nothing piped in). */
  readStdin(): Promise<string | null>
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  async readStdin() {
    if (process.stdin.isTTY) return null
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
}

/** A problem the CLI reports (exit 1), or wrong usage (exit 2). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1
  ) {
    super(message)
  }
}

export const usageError = (message: string): CliError => new CliError(message, 2)
