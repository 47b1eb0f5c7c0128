import type { EventName, Events } from '../shared/api'

/**
 * What the core needs from the shell around it: native dialogs, the user's
 * browser. Electron's main process provides these; the e2e harness, the CLI
 * and the tests provide their own. The core never imports Electron.
 */
export interface ShellPorts {
  /** The folder of the app's read-only resources (built-in templates…): `resources/` in a checkout, the package's resources when installed. */
  resourcesDir: string
  /** Asks the user where to save a file; null when they cancel. */
  chooseSavePath(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>
  /** Asks the user for a folder (one they may create in the dialog); null when they cancel. */
  chooseFolder(options: { title: string; buttonLabel: string }): Promise<string | null>
  /** Asks the user for one or more existing files with these extensions (no dot); their full paths, or null when they cancel. */
  chooseFiles(options: { title: string; buttonLabel: string; extensions: string[] }): Promise<string[] | null>
  openExternal(url: string): Promise<void>
  /** Opens a file with the system's default app (an attachment, after the person's click); shells without a desktop leave it out. */
  openPath?(absolutePath: string): Promise<void>
  /** The renderer has saved every pending edit (answer to the `app:flush` event). */
  flushed(outcome: { saved: boolean; problem?: string | undefined }): void
  /** Pushes an event to the renderer (main: webContents.send); shells without a renderer may leave it out or show it their way. */
  emit?<E extends EventName>(event: E, payload: Events[E]): void
  /** Prints the page the window shows now to a PDF (A4, the app's print styles); shells without a window leave it out. */
  printPageToPdf?(): Promise<Uint8Array>
  /** Puts plain text on the system clipboard; shells without one leave it out. */
  copyText?(text: string): Promise<void>
}
