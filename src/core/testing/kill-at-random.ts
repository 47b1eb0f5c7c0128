import { spawn } from 'node:child_process'

/**
 * Starts a writer script (`node writer ...args`) and kills it with SIGKILL at
 * a random moment while it writes: after a random number (1–8) of finished
 * writes — the writer prints one dot per write — plus a random fraction of a
 * millisecond-scale delay, so the kill lands anywhere in the next write (the
 * temp file, the fsync, the rename, a removal) on a fast or slow machine.
 */
export function killWriterAtRandom(writer: string, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let writes = 0
    const killAfter = 1 + Math.floor(Math.random() * 8)
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdout.on('data', (chunk: Buffer) => {
      writes += chunk.toString().split('.').length - 1
      if (writes >= killAfter && !child.killed) setTimeout(() => child.kill('SIGKILL'), Math.random() * 4)
    })
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer stopped by itself: ${stderr}`))))
  })
}
