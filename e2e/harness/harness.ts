import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { checkoutResourcesDir } from '../../src/core/resources'
import { createDispatch } from '../../src/core/service'
import type { ShellPorts } from '../../src/core/service'
import { VaultSession } from '../../src/core/session/vault-session'
import { systemClock } from '../../src/core/relationship/viewpoint'
import type { Vault } from '../../src/core/vault/vault'
import type { Clock } from '../../src/core/relationship/viewpoint'
import type { Channel, EventName, Events } from '../../src/shared/api'
import type { VaultChanges } from '../../src/shared/contract/vault'
import { APP_ORIGIN, serveRenderer } from './serve-renderer'
import { readVaultImage } from '../../src/core/attachments/vault-image'

/** What main says after the vault was read again whole: every view reads what it shows again. */
export const EVERYTHING_CHANGED: VaultChanges = { entries: [], clients: [], structure: ['folders'] }

/** The language of the computer the tests run on, for the page and the core alike. */
const COMPUTER_LANGUAGE = 'en-GB'

let bridgeScript: Promise<string> | null = null

/** The page-side bridge, bundled once per run from TypeScript so it uses the real shared client code. */
function pageBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(import.meta.dirname, 'page-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false
  }).then((result) => result.outputFiles[0]?.text ?? '')
  return bridgeScript
}

export interface HarnessOptions {
  /** An existing vault folder; a new temporary one when omitted. */
  vaultDir?: string
  colorScheme?: 'light' | 'dark'
  /** Open as the app does a large vault: clients first, entries in the background, then vault:changed. */
  entriesInBackground?: boolean
  /** How long one minute of the auto-lock setting lasts (to see the inactivity lock in a test). */
  minuteMs?: number
  /** The core's "now" (a clock a test moves forward, to see a snooze end); the real one when omitted. */
  clock?: Clock
}

/**
 * Rapport as a person sees it, minus Electron: the built renderer in
 * Chromium, with `window.rapport` forwarded through the contract to the real
 * core on a real vault folder. The native pieces (save dialog, browser) are
 * stand-ins the test controls, and everything they were asked is recorded.
 */
export class RapportHarness {
  /** What the save dialog answers next; null is "Cancel". */
  nextSavePath: string | null = null
  readonly savePrompts: Array<{ title: string; defaultName: string }> = []
  /** What the folder dialog answers next; null is "Cancel". */
  nextFolder: string | null = null
  readonly folderPrompts: Array<{ title: string }> = []
  /** What the open-files dialog answers next (full paths); null is "Cancel". */
  nextFiles: string[] | null = null
  readonly filePrompts: Array<{ title: string; extensions: string[] }> = []
  readonly openedExternally: string[] = []
  /** Files opened with the system's default app (an attachment the person clicked). */
  readonly openedFiles: string[] = []
  /** Everything put on the clipboard, oldest first. */
  readonly clipboard: string[] = []
  blockedRequests: string[] = []
  /** The vault as the app holds it: locked or open, through the real core. */
  session!: VaultSession
  /** Every call the window made, oldest first, and every event it was sent: what a test counts (tests may empty them). */
  readonly calls: Array<{ channel: Channel; input: unknown }> = []
  readonly events: Array<{ event: EventName; payload: unknown; callsBefore: number }> = []

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly vaultDir: string,
    /** Whether closing removes the vault folder (it was made for this test). */
    public ownsVault: boolean
  ) {}

  /** The open vault (throws 'locked' while an encrypted vault is locked). */
  get vault(): Vault {
    return this.session.vault
  }

  static async launch(browser: Browser, options: HarnessOptions = {}): Promise<RapportHarness> {
    const vaultDir = options.vaultDir ?? (await mkdtemp(join(tmpdir(), 'rapport-e2e-')))
    // A computer set to British English, so the dates the tests read are written one known way (the app follows the computer's language).
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 1280, height: 800 }, locale: COMPUTER_LANGUAGE })
    const page = await context.newPage()
    const harness = new RapportHarness(page, context, vaultDir, options.vaultDir === undefined)
    await harness.connect(options)
    return harness
  }

  private async connect(options: HarnessOptions): Promise<void> {
    const ports: ShellPorts = {
      resourcesDir: checkoutResourcesDir,
      chooseSavePath: async ({ title, defaultName }) => {
        this.savePrompts.push({ title, defaultName })
        return this.nextSavePath
      },
      chooseFolder: async ({ title }) => {
        this.folderPrompts.push({ title })
        return this.nextFolder
      },
      chooseFiles: async ({ title, extensions }) => {
        this.filePrompts.push({ title, extensions })
        return this.nextFiles
      },
      openExternal: async (url) => {
        this.openedExternally.push(url)
      },
      openPath: async (path) => {
        this.openedFiles.push(path)
      },
      flushed: (outcome) => {
        this.lastFlush = outcome
        this.flushWaiters.splice(0).forEach((resolve) => resolve())
      },
      emit: (event, payload) => void this.emit(event, payload).catch(() => undefined),
      // What Electron's printToPDF does in main: the page as printed (print media), here in headless Chromium.
      printPageToPdf: () => this.page.pdf({ format: 'A4' }),
      copyText: async (text) => {
        this.clipboard.push(text)
      }
    }
    // As main does: the session opens (or waits locked), watches the disk, and builds the search index once entries are read.
    this.session = await VaultSession.start(this.vaultDir, {
      shell: ports,
      entries: options.entriesInBackground ? 'background' : 'now',
      watch: true,
      window: true,
      // The core hears the same computer language as the page (and the test's clock when it moves one).
      clock: { ...(options.clock ?? systemClock), locale: () => COMPUTER_LANGUAGE },
      ...(options.minuteMs ? { minuteMs: options.minuteMs } : {})
    })
    const dispatch = createDispatch(this.session.handlers)
    await this.page.exposeBinding('__rapportInvoke', (_source, channel: unknown, input: unknown) => {
      this.calls.push({ channel: channel as Channel, input })
      return dispatch(channel, input)
    })
    await this.page.addInitScript({ content: await pageBridge() })
    this.blockedRequests = (
      await serveRenderer(this.page, async (pathname) => (this.session.locked ? null : readVaultImage(this.session.vault, pathname)))
    ).blocked
    await this.session.watching
  }

  private readonly flushWaiters: Array<() => void> = []
  /** What the renderer answered to the last `app:flush`. */
  lastFlush: { saved: boolean; problem?: string | undefined } | null = null

  async open(): Promise<void> {
    await this.page.goto(`${APP_ORIGIN}/index.html`)
  }

  /** Pushes an event to the page, as main does with webContents.send. */
  async emit<E extends EventName>(event: E, payload: Events[E]): Promise<void> {
    this.events.push({ event, payload, callsBefore: this.calls.length })
    await this.page.evaluate(([name, data]) => window.__rapportEmit(name as EventName, data), [event, payload] as const)
  }

  /** What main does when the window closes: ask the renderer to save, wait for its answer. */
  async flushLikeWindowClose(timeoutMs = 3000): Promise<void> {
    const answered = new Promise<void>((resolve) => this.flushWaiters.push(resolve))
    await this.emit('app:flush', {})
    await Promise.race([answered, new Promise((_, reject) => setTimeout(() => reject(new Error('the renderer did not answer app:flush')), timeoutMs))])
  }

  /** Opens the same vault again in a fresh page, as after quitting and restarting the app. */
  async restart(browser: Browser): Promise<RapportHarness> {
    await this.close({ keepVault: true })
    const next = await RapportHarness.launch(browser, { vaultDir: this.vaultDir })
    next.ownsVault = this.ownsVault
    return next
  }

  async close(options: { keepVault?: boolean } = {}): Promise<void> {
    this.session.close()
    await this.context.close()
    if (this.ownsVault && !options.keepVault) await rm(this.vaultDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
  }
}
