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

/** How a conflict made by git is named wherever conflicts are listed (beside Syncthing, Dropbox…). */
export const GIT_MARKERS_TOOL = 'git'

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
