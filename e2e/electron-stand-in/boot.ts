/**
 * Starts the BUILT main process (out/main/index.js) in a child Node process
 * whose `electron` is the recording stand-in (./electron.ts), on a vault
 * folder the test gives it, and talks to it through ./messages.ts.
 *
 * The stand-in is bundled once per test worker with esbuild, so the child
 * runs plain JavaScript: the bundle under test is loaded by Node's own
 * loader exactly as built, and only the `electron` specifier is redirected.
 */
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { LISTENING } from './messages'
import type { ReplyMessage, RequestMessage, RequestName, Requests } from './messages'
import type { RecordedCall } from './recorder'

export const REPO_ROOT = join(import.meta.dirname, '../..')
export const MAIN_BUNDLE = join(REPO_ROOT, 'out/main/index.js')

let bundled: Promise<string> | null = null

/** The stand-in as two ES modules in a temporary folder: `electron.mjs` and the `register.mjs` that points to it. */
function bundleStandIn(): Promise<string> {
  bundled ??= (async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'rapport-electron-stand-in-'))
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }))
    await build({
      entryPoints: { electron: join(import.meta.dirname, 'index.ts'), register: join(import.meta.dirname, 'register.ts') },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir,
      outExtension: { '.js': '.mjs' },
      logLevel: 'warning'
    })
    return outdir
  })()
  return bundled
}

export interface BootOptions {
  /** The vault folder the shell opens (`--vault=`). */
  vault: string
  /** What `process.platform` says in the shell; the machine's own when omitted. */
  platform?: NodeJS.Platform
  /**
   * The home folder under which `app.getPath()` answers (the user-data folder with the app's settings is in it).
   * Given, it is kept when the shell stops, so a second boot on it is the app's next start; otherwise a new one, removed.
   */
  home?: string
}

export interface BootedShell {
  request<R extends RequestName>(request: R, ...input: Requests[R]['input'] extends null ? [] : [Requests[R]['input']]): Promise<Requests[R]['output']>
  /** Every call so far to `api` (`ipcMain.handle`, `webContents.send`…). */
  callsTo(api: string): Promise<RecordedCall[]>
  /** Waits until the shell has made a call to `api`, and returns the calls so far. */
  waitForCall(api: string, timeoutMs?: number): Promise<RecordedCall[]>
  /** What the process printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

export async function bootShell({ vault, platform, home: givenHome }: BootOptions): Promise<BootedShell> {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run \`npx electron-vite build\` first (npm run test:e2e does).`)
  const standIn = await bundleStandIn()
  const home = givenHome ?? (await mkdtemp(join(tmpdir(), 'rapport-stand-in-home-')))
  const env: NodeJS.ProcessEnv = { ...process.env, RAPPORT_STAND_IN_HOME: home, RAPPORT_STAND_IN_APP_PATH: REPO_ROOT }
  // The shell loads the dev server's URL when this is set; the built shell under test must load its own.
  delete env.ELECTRON_RENDERER_URL
  if (platform) env.RAPPORT_STAND_IN_PLATFORM = platform
  const child: ChildProcess = fork(MAIN_BUNDLE, [`--vault=${vault}`], {
    cwd: REPO_ROOT,
    execArgv: ['--import', pathToFileURL(join(standIn, 'register.mjs')).href],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc']
  })
  let printed = ''
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()))

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  let exited: string | null = null
  const listening = new Promise<void>((resolve, reject) => {
    child.on('message', (message: ReplyMessage | typeof LISTENING) => {
      if (message === LISTENING) return resolve()
      const waiter = pending.get(message.id)
      pending.delete(message.id)
      if (message.ok) waiter?.resolve(message.value)
      else waiter?.reject(new Error(`the stand-in could not answer: ${message.error}`))
    })
    child.on('exit', (code, signal) => {
      exited = `the shell's process ended (${signal ?? `exit code ${code}`}):\n${printed}`
      reject(new Error(exited))
      for (const waiter of pending.values()) waiter.reject(new Error(exited))
      pending.clear()
    })
  })
  await listening

  const request = <R extends RequestName>(name: R, ...input: Requests[R]['input'] extends null ? [] : [Requests[R]['input']]) =>
    new Promise<Requests[R]['output']>((resolve, reject) => {
      if (exited) return reject(new Error(exited))
      const id = nextId++
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      const message: RequestMessage<R> = { id, request: name, input: (input[0] ?? null) as Requests[R]['input'] }
      child.send(message)
    })
  const callsTo = async (api: string) => (await request('calls')).filter((call) => call.api === api)

  return {
    request,
    callsTo,
    async waitForCall(api, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = await callsTo(api)
        if (found.length > 0) return found
        if (Date.now() > deadline) throw new Error(`The shell made no call to ${api} within ${timeoutMs} ms. It printed:\n${printed}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    output: () => printed,
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve))
        child.kill()
        await gone
      }
      if (!givenHome) await rm(home, { recursive: true, force: true })
    }
  }
}
