import { diffWordsWithSpace } from 'diff'
import type { DiffPart, DiffWord } from '../../shared/contract/safety'
import { lineDiff } from './line-diff'

/**
 * A line diff whose changed lines also say which words changed: where lines
 * were replaced (a removed stretch right before an added one), each side
 * carries jsdiff's word diff of the pair, so a one-word edit in a long
 * paragraph shows as that word, not as two whole paragraphs to compare by eye.
 */
export function lineAndWordDiff(before: string, after: string): DiffPart[] {
  const parts = lineDiff(before, after)
  for (let i = 0; i + 1 < parts.length; i++) {
    const removed = parts[i]
    const added = parts[i + 1]
    if (removed?.kind !== 'removed' || added?.kind !== 'added') continue
    const words: DiffWord[] = diffWordsWithSpace(removed.text, added.text).map((w) => ({
      kind: w.added ? 'added' : w.removed ? 'removed' : 'same',
      text: w.value
    }))
    removed.words = words.filter((w) => w.kind !== 'added')
    added.words = words.filter((w) => w.kind !== 'removed')
    i++
  }
  return parts
}
