import { lineDiff } from '../history/line-diff'

/**
 * Both versions of an entry's text in one, so choosing "both" loses no word:
 * what the two share appears once, and where they differ, mine comes first
 * and theirs right after it (what git's `merge=union` does). Each side ends
 * on a line of its own, so two differing last lines never run together.
 */
export function keepBoth(mine: string, theirs: string): string {
  let merged = ''
  for (const part of lineDiff(mine, theirs)) {
    if (merged && !merged.endsWith('\n')) merged += '\n'
    merged += part.text
  }
  return merged
}
