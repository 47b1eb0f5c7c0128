import { diffLines } from 'diff'
import type { DiffPart } from '../../shared/contract/safety'

/** The differences between two versions of a text, line by line (jsdiff's Myers diff), for people to compare. */
export function lineDiff(before: string, after: string): DiffPart[] {
  return diffLines(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value
  }))
}
