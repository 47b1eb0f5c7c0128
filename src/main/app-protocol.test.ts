import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_INDEX_URL, isAppOrigin, pagePolicy, readAppFile, resolveAppPath } from './app-protocol'

/**
 * app://rapport serves the renderer's folder and nothing else, whatever the
 * page (or something injected into it) asks for. A real folder on disk, with
 * a secret beside it and links pointing out of it.
 */
const SECRET = 'the private journal next door'
let base: string
let root: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'rapport-app-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await mkdir(join(base, 'outside'))
  await writeFile(join(root, 'index.html'), '<!doctype html>')
  await writeFile(join(root, 'assets/index-abc.js'), 'export {}')
  await writeFile(join(root, 'assets/my file.css'), 'body{}')
  await writeFile(join(base, 'secret.txt'), SECRET)
  await writeFile(join(base, 'outside/secret.txt'), SECRET)
  // A sibling folder whose name starts with the root's: a prefix check alone would let it through.
  await mkdir(join(base, 'renderer-evil'))
  await writeFile(join(base, 'renderer-evil/secret.txt'), SECRET)
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'))
  await symlink(join(base, 'outside'), join(root, 'linked-folder'), 'dir')
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const hostile = [
  'app://rapport/../secret.txt',
  'app://rapport/../../../../etc/passwd',
  'app://rapport/assets/../../secret.txt',
  'app://rapport/%2e%2e/secret.txt',
  'app://rapport/%2E%2E/%2e%2e/secret.txt',
  'app://rapport/.%2e/secret.txt',
  'app://rapport/..%2fsecret.txt',
  'app://rapport/%2e%2e%2fsecret.txt',
  'app://rapport/assets%2f..%2f..%2fsecret.txt',
  'app://rapport/..%5csecret.txt',
  'app://rapport/%2e%2e%5c%2e%2e%5csecret.txt',
  'app://rapport/..\\secret.txt',
  'app://rapport//etc/passwd',
  'app://rapport/%2fetc%2fpasswd',
  'app://rapport/%2f..%2fsecret.txt',
  'app://rapport/C:%5cWindows%5cwin.ini',
  'app://rapport/C:/Windows/win.ini',
  'app://rapport/index.html%00.png',
  'app://rapport/%E0%A4%A', // malformed encoding
  'app://rapport/../renderer-evil/secret.txt',
  'app://rapport/link.txt', // a symbolic link to a file outside
  'app://rapport/linked-folder/secret.txt', // a symbolic link to a folder outside
  'app://rapport/assets', // a folder, not a file
  'app://other/index.html',
  'app://rapport:8080/index.html',
  'app://user@rapport/index.html',
  'app://rapport.evil.example/index.html',
  'file:///etc/passwd',
  `file://${'/tmp'}/secret.txt`,
  'http://rapport/index.html',
  'https://rapport/index.html',
  'not a url'
]

describe('the policy a page is served with', () => {
  it('is the one the page itself declares, so it is written once; without one, nothing may load', () => {
    const html = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8')
    const declared = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // A <meta> policy with frame-ancestors makes the browser log an error at every start (it is ignored there): only the header says it.
    expect(declared).toMatch(/default-src 'none'/)
    expect(declared).not.toMatch(/frame-ancestors/)
    expect(pagePolicy(html)).toBe(`${declared}; frame-ancestors 'none'`)
    expect(pagePolicy('<!doctype html><title>no policy</title>')).toBe("default-src 'none'; frame-ancestors 'none'")
    // A page that does say it (another page, an older build) is not given it twice.
    expect(pagePolicy(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-ancestors 'self';">`)).toBe(
      "default-src 'self'; frame-ancestors 'self'"
    )
  })
})

describe('app://rapport', () => {
  it('serves the renderer’s own files, with their types', async () => {
    expect(await readAppFile(root, APP_INDEX_URL)).toMatchObject({ contentType: 'text/html; charset=utf-8' })
    expect((await readAppFile(root, 'app://rapport/'))?.body.toString()).toBe('<!doctype html>')
    expect(await readAppFile(root, 'app://rapport/assets/index-abc.js?v=1#top')).toMatchObject({ contentType: 'text/javascript; charset=utf-8' })
    expect((await readAppFile(root, 'app://rapport/assets/my%20file.css'))?.body.toString()).toBe('body{}')
    // A page carries its own policy as a header too (frame-ancestors only works there); other files do not need one.
    expect((await readAppFile(root, APP_INDEX_URL))?.headers).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'"
    })
    expect((await readAppFile(root, 'app://rapport/assets/index-abc.js'))?.headers).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff'
    })
    // `..` that stays inside the folder is only a longer way of naming a file in it.
    expect(resolveAppPath(root, 'app://rapport/assets/../index.html')).toBe(join(root, 'index.html'))
  })

  it.each(hostile)('reads nothing for %s', async (url) => {
    // Whatever the path names, it is inside the folder (the URL parser may already have removed a `..`)…
    const resolved = resolveAppPath(root, url)
    if (resolved !== null) expect(resolved.startsWith(join(root, '/'))).toBe(true)
    // …and no file answers it: not the secret, not a guess such as index.html.
    expect(await readAppFile(root, url)).toBeNull()
  })

  it('refuses an encoded separator, a drive, a NUL or an empty segment instead of reinterpreting it', () => {
    // Each of these would otherwise name a real file in the folder by a second spelling.
    for (const url of [
      'app://rapport/assets%2findex-abc.js',
      'app://rapport/assets%5Cindex-abc.js',
      'app://rapport//index.html',
      'app://rapport/C:%5cindex.html',
      'app://rapport/index.html%00'
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull()
    }
  })

  it('recognises its own origin and nothing that merely looks like it', () => {
    expect(isAppOrigin('app://rapport/index.html')).toBe(true)
    expect(isAppOrigin('app://rapport/assets/x.js')).toBe(true)
    for (const url of [
      'app://rapport.evil.example/',
      'app://other/',
      'app://u:p@rapport/',
      'file:///app/rapport/index.html',
      'http://rapport/',
      'app:rapport/index.html',
      ''
    ]) {
      expect(isAppOrigin(url), url).toBe(false)
    }
  })
})
