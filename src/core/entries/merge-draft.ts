import { lineDiff } from '../history/line-diff'

/** The two sides' names, as the person saw them when they chose to merge by hand ("what is on disk now", "what you typed"). */
export interface DraftSides {
  first: string
  second: string
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** The bold lines around each place the sides differ; plain Markdown, so any editor shows them, and no sync tool mistakes them for its own markers. */
export function draftMarkers({ first, second }: DraftSides): { first: string; second: string; end: string } {
  return {
    first: `**Version 1 of 2 — ${first}:**`,
    second: `**Version 2 of 2 — ${second}:**`,
    end: '**End of the two versions. Keep what you want, then delete these three bold lines.**'
  }
}

/**
 * A draft for merging by hand: what the two texts share, once, and at each
 * place they differ both sides one after the other, each under a bold line
 * that names it, then a bold line that ends the place. Every word of both
 * sides is in the draft; the person edits it down and it saves like any text.
 */
export function mergeDraft(first: string, second: string, sides: DraftSides): string {
  const markers = draftMarkers({ first: capitalised(sides.first), second: capitalised(sides.second) })
  const block = (text: string): string => (text.trim() ? text.replace(/\n*$/, '\n') : '_(nothing here)_\n')
  const paragraphBreak = (text: string): string => (text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n')
  let draft = ''
  let pending: { first: string; second: string } | null = null
  const closePending = () => {
    if (!pending) return
    draft += paragraphBreak(draft)
    draft += `${markers.first}\n\n${block(pending.first)}\n${markers.second}\n\n${block(pending.second)}\n${markers.end}\n`
    pending = null
  }
  for (const part of lineDiff(first, second)) {
    if (part.kind === 'same') {
      if (pending) {
        closePending()
        if (!part.text.startsWith('\n')) draft += '\n'
      }
      draft += part.text
      continue
    }
    pending ??= { first: '', second: '' }
    if (part.kind === 'removed') pending.first += part.text
    else pending.second += part.text
  }
  closePending()
  return draft
}
