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
  openExternal(url: string): Promise<void>
  /** The renderer has saved every pending edit (answer to the `app:flush` event). */
  flushed(): void
}
