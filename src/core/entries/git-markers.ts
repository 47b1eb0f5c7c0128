/**
 * git's conflict markers, as `git merge` / `git pull` leaves them in a file
 * both sides changed:
 *
 *   <<<<<<< HEAD                 what this computer had (ours: "mine")
 *   She pushed back.
 *   ||||||| base                 (only with merge.conflictStyle diff3/zdiff3: the common ancestor)
 *   She hesitated.
 *   =======
 *   She agreed.                  what was pulled in (theirs)
 *   >>>>>>> 3f2a1c9 (laptop)
 *
 * A person in a hurry commits the file as it is (`git add -A && git commit`),
 * so the markers reach every computer. Rapport reads both sides out of them;
 * it never treats the markers as the entry's text.
 */

import type { EntryFile } from './entry-file'
import { parseEntryFile } from './entry-file'

export { GIT_MARKERS_TOOL } from '../../shared/contract/safety'

export interface MarkerSides {
  /** The whole file as this computer had it (the side before `=======`). */
  mine: string
  /** The whole file as it came in (the side after `=======`). */
  theirs: string
  /** Each conflicting stretch, both ways, for a person to read (doctor prints these). */
  hunks: Array<{ mine: string; theirs: string }>
}

const OPEN = /^<{7}(?:[ \t].*)?$/
const BASE = /^\|{7}(?:[ \t].*)?$/
const SPLIT = /^={7}[ \t]*$/
const CLOSE = /^>{7}(?:[ \t].*)?$/

/**
 * Both sides of a file with git's conflict markers, or null when it has none
 * (or only something that looks like half of them: a `=======` on its own is a
 * Markdown heading underline, and an unclosed `<<<<<<<` is someone's text).
 */
export function splitGitMarkers(text: string): MarkerSides | null {
  if (!text.includes('<<<<<<<')) return null
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? []
  let mine = ''
  let theirs = ''
  const hunks: MarkerSides['hunks'] = []
  let state: 'outside' | 'mine' | 'base' | 'theirs' = 'outside'
  let hunk = { mine: '', theirs: '' }
  for (const line of lines) {
    const bare = line.replace(/\r?\n$/, '')
    if (state === 'outside') {
      if (OPEN.test(bare)) {
        state = 'mine'
        hunk = { mine: '', theirs: '' }
      } else {
        mine += line
        theirs += line
      }
    } else if (state === 'mine' && BASE.test(bare)) state = 'base'
    else if ((state === 'mine' || state === 'base') && SPLIT.test(bare)) state = 'theirs'
    else if (state === 'theirs' && CLOSE.test(bare)) {
      state = 'outside'
      hunks.push(hunk)
    } else if (state === 'mine') {
      mine += line
      hunk.mine += line
    } else if (state === 'theirs') {
      theirs += line
      hunk.theirs += line
    }
    // The common ancestor's lines (diff3 style) belong to neither side.
  }
  return state === 'outside' && hunks.length > 0 ? { mine, theirs, hunks } : null
}

/**
 * What Rapport lists for a file with git's conflict markers: this computer's
 * side, under the id both sides agree on. An id read on one side only (the
 * other's front matter broken) is still the file's id; two different ids
 * (two entries git merged into one file) leave it with this computer's.
 * Only a file where no side has an id gets one made from its path.
 */
export function entryFileOfSides(mineText: string, theirsText: string): EntryFile {
  const mine = parseEntryFile(mineText)
  const theirs = parseEntryFile(theirsText)
  const idOf = (file: EntryFile): string | null => (typeof file.fields.id === 'string' && file.fields.id.trim() ? file.fields.id.trim() : null)
  const id = idOf(mine) ?? idOf(theirs)
  const { problem: _problem, ...readable } = mine
  const fields = mine.problem ? theirs.fields : mine.fields
  return { ...readable, fields: id ? { ...fields, id } : fields }
}
