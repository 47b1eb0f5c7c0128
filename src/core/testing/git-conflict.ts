import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Real git, configured per repository (no global settings read or written). */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' }
  })
}

function gitTry(cwd: string, ...args: string[]): boolean {
  try {
    git(cwd, ...args)
    return true
  } catch {
    return false
  }
}

function clone(origin: string, name: string): string {
  const dir = join(origin, '..', name)
  git(origin, 'clone', '--quiet', origin, dir)
  git(dir, 'config', 'user.name', name)
  git(dir, 'config', 'user.email', `${name}@example.invalid`)
  git(dir, 'config', 'pull.rebase', 'false')
  git(dir, 'config', 'commit.gpgsign', 'false')
  return dir
}

/**
 * One vault in git, cloned on a laptop and a desktop; both change one entry's
 * file and commit; the laptop pushes, the desktop pulls into a conflict and
 * commits everything as it is. Everything happens in `workDir` (empty);
 * returns the desktop's vault, whose conflicted entry is
 * `journal/2026-12-07-weekly-call.md`. No vitest here: e2e uses it too.
 */
export async function gitConflict(
  workDir: string,
  original: string,
  laptopEdit: (text: string) => string,
  desktopEdit: (text: string) => string
): Promise<string> {
  const origin = join(workDir, 'origin.git')
  await mkdir(origin)
  git(origin, 'init', '--quiet', '--bare', '--initial-branch=main')
  const seed = clone(origin, 'seed')
  await mkdir(join(seed, 'journal'))
  await writeFile(join(seed, 'rapport.json'), '{\n  "format": 1,\n  "settings": {}\n}\n')
  await writeFile(join(seed, 'journal/2026-12-07-weekly-call.md'), original)
  git(seed, 'add', '-A')
  git(seed, 'commit', '--quiet', '-m', 'vault')
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main')

  const laptop = clone(origin, 'laptop')
  const desktop = clone(origin, 'desktop')
  const file = 'journal/2026-12-07-weekly-call.md'
  await writeFile(join(laptop, file), laptopEdit(original))
  git(laptop, 'commit', '--quiet', '-am', 'laptop')
  git(laptop, 'push', '--quiet', 'origin', 'HEAD:main')
  await writeFile(join(desktop, file), desktopEdit(original))
  git(desktop, 'commit', '--quiet', '-am', 'desktop')
  if (gitTry(desktop, 'pull', '--quiet', 'origin', 'main')) throw new Error('git merged the two edits; the test needs a conflict')
  git(desktop, 'add', '-A')
  git(desktop, 'commit', '--quiet', '-m', 'merge')
  return desktop
}
