import { readdirSync } from 'node:fs'
import { readFile, rename, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-vault'
import type { FileIdentity } from './own-writes'
import type { FileOps, WriteFailure } from './write-in-two-steps'
import { blockingFileOps, callbackFileOps, failureError, isFailure, renameIntoPlace, writeTemps } from './write-in-two-steps'
import { fileError } from '../errors'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

function identity(answer: FileIdentity | WriteFailure | undefined): FileIdentity {
  if (!answer || isFailure(answer)) throw new Error(`not written: ${JSON.stringify(answer)}`)
  return answer
}

describe.each([
  ['blocking', blockingFileOps],
  ['callback', callbackFileOps]
] as Array<[string, FileOps]>)('a write in two steps, with %s file operations', (_, ops) => {
  it('writes each file whole to its temporary name, says which version it wrote, and puts it in place', async () => {
    const dir = await tempDir('rapport-two-steps-')
    const files = ['a.md', 'b.md'].map((name) => ({
      temp: join(dir, `.rapport-tmp-${name}.1a2b`),
      target: join(dir, name),
      bytes: bytes(`# ${name}\n`.repeat(500))
    }))

    const written = await writeTemps(files, ops)
    for (const [at, file] of files.entries()) {
      const onDisk = await stat(file.temp)
      expect(identity(written[at])).toEqual({ ino: onDisk.ino, size: onDisk.size, mtimeMs: onDisk.mtimeMs })
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.md'))).toEqual([])

    const placed = await renameIntoPlace(
      files.map((file, at) => ({ ...file, identity: identity(written[at]) })),
      ops
    )
    expect(placed).toEqual([null, null])
    for (const file of files) expect(await readFile(file.target)).toEqual(Buffer.from(file.bytes))
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md'])
  })

  it('says why a file could not be written, in a form fileError knows, leaves no temporary file, and writes the others', async () => {
    const dir = await tempDir('rapport-two-steps-')
    // The disk fills up in the middle of one file: the operations are the real ones but for that write.
    const diskFull: FileOps = {
      ...ops,
      write: (fd, data) => {
        if (data.byteLength === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        return ops.write(fd, data)
      }
    }
    const written = await writeTemps(
      [
        { temp: join(dir, 'no-such-folder', '.rapport-tmp-x.md.1'), bytes: bytes('x') },
        { temp: join(dir, '.rapport-tmp-full.md.2'), bytes: bytes('abc') },
        { temp: join(dir, '.rapport-tmp-fine.md.3'), bytes: bytes('fine') }
      ],
      diskFull
    )
    const [missing, full, fine] = written
    if (!isFailure(missing) || !isFailure(full)) throw new Error(`not refused: ${JSON.stringify(written)}`)
    expect(missing.failed.code).toBe('ENOENT')
    expect(full.failed.code).toBe('ENOSPC')
    expect(fileError(failureError(full), 'create', 'journal/full.md')).toMatchObject({ code: 'disk-full' })
    expect(identity(fine).size).toBe(4)
    expect(readdirSync(dir)).toEqual(['.rapport-tmp-fine.md.3'])
  })

  it('writes again a temporary file its stopped thread left half written, and never follows a link put at a temporary name', async () => {
    const dir = await tempDir('rapport-two-steps-')
    const half = join(dir, '.rapport-tmp-a.md.9f')
    await writeFile(half, 'half')
    const elsewhere = join(dir, 'elsewhere.txt')
    await writeFile(elsewhere, 'not Rapport’s')
    const linked = join(dir, '.rapport-tmp-b.md.77')
    await symlink(elsewhere, linked)

    const written = await writeTemps(
      [
        { temp: half, bytes: bytes('whole\n') },
        { temp: linked, bytes: bytes('through the link?\n') }
      ],
      ops
    )
    expect(identity(written[0]).size).toBe(6)
    expect(await readFile(half, 'utf8')).toBe('whole\n')
    // The link was a name taken: removed and the file created in its place, never written through.
    expect(await readFile(elsewhere, 'utf8')).toBe('not Rapport’s')
    expect(await readFile(linked, 'utf8')).toBe('through the link?\n')
  })

  it('takes a temporary file already gone, whose target is the version written, as put in place (its thread stopped before saying so); never puts one over another file', async () => {
    const dir = await tempDir('rapport-two-steps-')
    const files = ['a.md', 'b.md'].map((name) => ({ temp: join(dir, `.rapport-tmp-${name}.5`), target: join(dir, name), bytes: bytes(name) }))
    const written = await writeTemps(files, ops)
    const [a, b] = files.map((file, at) => ({ ...file, identity: identity(written[at]) }))
    if (!a || !b) throw new Error('two files were written')
    await rename(a.temp, a.target)
    await rename(b.temp, join(dir, 'moved-away.md'))
    await writeFile(b.target, 'someone else’s')

    const c = { temp: join(dir, '.rapport-tmp-c.md.6'), target: join(dir, 'c.md') }
    const [cWritten] = await writeTemps([{ temp: c.temp, bytes: bytes('ours') }], ops)
    // Another program takes c.md after the name was chosen: its file stays, ours is not put over it.
    await writeFile(c.target, 'theirs')

    const placed = await renameIntoPlace([a, b, { ...c, identity: identity(cWritten) }], ops)
    expect(placed[0]).toBeNull()
    expect(placed[1]).toMatchObject({ failed: { code: 'EEXIST' } })
    expect(placed[2]).toMatchObject({ failed: { code: 'EEXIST' } })
    expect(await readFile(b.target, 'utf8')).toBe('someone else’s')
    expect(await readFile(c.target, 'utf8')).toBe('theirs')
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md', 'c.md', 'moved-away.md'])
  })
})
