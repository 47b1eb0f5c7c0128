/** The one rule for links that may leave the app: http, https and mailto, nothing else (no file:, javascript:, data:). */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}
