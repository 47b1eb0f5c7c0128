/**
 * The rule for `app://rapport/…`, the scheme the window loads the renderer
 * from: a request may read a file inside the renderer's folder and nothing
 * else. It lives here, without Electron, so it can be tested with hostile
 * paths (and the e2e harness serves the renderer through the same rule).
 *
 * Why not file://: a page on file:// counts every file on the disk as
 * 'self' for its Content-Security-Policy, so one injected `<img>` or `fetch`
 * could read any file the user can. On app://rapport, 'self' is this folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'rapport'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** Whether a URL is on the app's own origin (the window's page, or a file it loads). */
export function isAppOrigin(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
}

/**
 * The path under `root` that a request for `url` names, or null when it names
 * none. No disk access: `readAppFile` adds the checks that need the disk
 * (symbolic links, folders).
 *
 * The URL parser already removes `.`/`..` segments, including `%2e%2e`; what
 * is left is checked one decoded segment at a time, so an encoded separator
 * (`..%2f`, `%5c`), a drive (`C:`), a NUL or an empty segment (`//etc`)
 * never becomes part of a path.
 */
export function resolveAppPath(root: string, url: string): string | null {
  if (!isAppOrigin(url)) return null
  const pathname = parse(url)?.pathname ?? ''
  const raw = pathname === '/' || pathname === '' ? ['index.html'] : pathname.replace(/^\//, '').split('/')
  const segments: string[] = []
  for (const part of raw) {
    let segment: string
    try {
      segment = decodeURIComponent(part)
    } catch {
      return null // malformed percent-encoding
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null
    segments.push(segment)
  }
  const candidate = join(root, ...segments)
  return isInside(root, candidate) ? candidate : null
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

export interface AppFile {
  body: Buffer
  contentType: string
  /** The response's headers: its type, no sniffing, and for a page its Content-Security-Policy. */
  headers: Record<string, string>
}

/** For a page whose policy cannot be found: nothing at all may load or run (fail closed). */
const NOTHING_ALLOWED = "default-src 'none'"

/**
 * What only a header can say: no page may show this one in a frame. In a
 * `<meta>` the browser ignores `frame-ancestors` and logs an error at every
 * start, so the page's own policy leaves it out and the header adds it.
 */
const HEADER_ONLY = "frame-ancestors 'none'"

/**
 * The Content-Security-Policy a page is served with: the one its own `<meta>`
 * declares, so the policy is written once (in index.html), plus what a
 * `<meta>` policy cannot carry. As a header it also covers everything the
 * page does before the parser reaches the tag.
 */
export function pagePolicy(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1]
  const declared =
    meta
      ?.replace(/\s+/g, ' ')
      .replace(/[;\s]+$/, '')
      .trim() || NOTHING_ALLOWED
  return /(^|;)\s*frame-ancestors\s/i.test(declared) ? declared : `${declared}; ${HEADER_ONLY}`
}

/**
 * Reads the file a request for `url` names, or null when there is none it may
 * read. Both the folder and the file are resolved through symbolic links
 * first, so a link inside the folder that points outside it serves nothing.
 */
export async function readAppFile(root: string, url: string): Promise<AppFile | null> {
  const candidate = resolveAppPath(root, url)
  if (candidate === null) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return null
    const body = await readFile(realFile)
    const contentType = contentTypes[extname(realFile).toLowerCase()] ?? 'application/octet-stream'
    const headers: Record<string, string> = { 'content-type': contentType, 'x-content-type-options': 'nosniff' }
    if (contentType.startsWith('text/html')) headers['content-security-policy'] = pagePolicy(body.toString('utf8'))
    return { body, contentType, headers }
  } catch {
    return null // missing, unreadable, or a link to nowhere
  }
}

/** Strictly inside `root` (not `root` itself): no `..` step and not on another drive. */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`)
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
