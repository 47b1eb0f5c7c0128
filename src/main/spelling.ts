/**
 * Whether the window checks spelling as you type: only on macOS, where Electron
 * asks the system's own spell checker. On Windows and Linux Electron checks with
 * Hunspell dictionaries that it downloads from Google's servers on first use, and
 * Rapport makes no network request, so there it is off (README, "Privacy and security").
 * No Electron import, so the rule is tested as it is.
 */
export function checksSpelling(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'darwin'
}
