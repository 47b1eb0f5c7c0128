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
    const words = withoutLoneSpaces(
      diffWordsWithSpace(removed.text, added.text).map((w): DiffWord => ({ kind: w.added ? 'added' : w.removed ? 'removed' : 'same', text: w.value }))
    )
    removed.words = joined(words.filter((w) => w.kind !== 'added'))
    added.words = joined(words.filter((w) => w.kind !== 'removed'))
    i++
  }
  return parts
}

/** A space the two sides share only between changed words ("pilot in March" → "full rollout") reads as part of the change. */
function withoutLoneSpaces(words: DiffWord[]): DiffWord[] {
  return words.flatMap((word, i) => {
    const between = i > 0 && i < words.length - 1 && words[i - 1]?.kind !== 'same' && words[i + 1]?.kind !== 'same'
    if (word.kind !== 'same' || !between || word.text.trim() !== '' || word.text.includes('\n')) return [word]
    return [
      { kind: 'removed', text: word.text },
      { kind: 'added', text: word.text }
    ]
  })
}

/** Neighbouring stretches of one kind as one. */
function joined(words: DiffWord[]): DiffWord[] {
  const out: DiffWord[] = []
  for (const word of words) {
    const last = out.at(-1)
    if (last?.kind === word.kind) last.text += word.text
    else out.push({ ...word })
  }
  return out
}
