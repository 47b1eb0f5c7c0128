import { describe, expect, it } from 'vitest'
import type { TemplatePrompt } from './contract/coach'
import { docToMarkdown, markdownToDoc } from './markdown'
import { promptSpots, withRoomForPrompts, withoutEmptySections } from './template-sections'

const sections: TemplatePrompt[] = [
  { heading: 'What worked', prompt: 'Be specific: this is what we keep doing.' },
  { heading: 'What changes', prompt: 'What I will do differently, and by when.' },
  { heading: 'What they promised', prompt: '' }
]
const fresh = '_Monday 7 December 2026, with Dana_\n\n## What worked\n\n## What changes\n\n-\n\n## What they promised\n\n-\n'
const saved = (markdown: string) => docToMarkdown(withoutEmptySections(markdownToDoc(markdown), sections))

describe('an entry’s template sections', () => {
  it('leaves out, when saved, every section of the template with nothing written under it, bare bullets included', () => {
    const written = fresh.replace('## What changes\n\n-\n', '## What changes\n\n- Send the agenda the day before\n')
    expect(saved(written)).toBe('_Monday 7 December 2026, with Dana_\n\n## What changes\n\n- Send the agenda the day before\n')
    // Nothing written yet: the outline stays as it was started.
    expect(saved(fresh)).toBe(fresh)
  })

  it('keeps headings the person added, sections with a picture or a sub-heading, and headings compared without case or spacing', () => {
    const written = `${fresh}\n## My own heading\n\n## what  WORKED\n\n![chart](chart.png)\n`
    expect(saved(written)).toContain('## My own heading\n')
    expect(saved(written)).toContain('## what  WORKED\n\n![chart](chart.png)\n')
    expect(saved('## What worked\n\n### A detail\n\nIt went well.\n')).toBe('## What worked\n\n### A detail\n\nIt went well.\n')
  })

  it('does not rewrite an entry written before prompts were placeholders: its saved prompts keep every section', () => {
    const old = '## What worked\n\n_Be specific: this is what we keep doing._\n\n## What they promised\n\n-\n'
    expect(saved(old)).toBe(old)
    expect(promptSpots(markdownToDoc(old), sections)).toEqual([])
  })

  it('shows each prompt in the empty place under its heading, making one when there is none, and none once words are there', () => {
    const doc = withRoomForPrompts(markdownToDoc(fresh), sections)
    // The room made is an empty paragraph: the Markdown is the same, so opening an entry never rewrites it.
    expect(docToMarkdown(doc)).toBe(docToMarkdown(markdownToDoc(fresh)))
    expect(promptSpots(doc, sections)).toEqual([
      { prompt: 'Be specific: this is what we keep doing.', heading: 1, empty: { block: 2, inList: false } },
      { prompt: 'What I will do differently, and by when.', heading: 3, empty: { block: 4, inList: true } }
    ])
    const typed = markdownToDoc(fresh.replace('## What worked\n', '## What worked\n\nThe weekly update.\n'))
    expect(promptSpots(typed, sections).map((spot) => spot.prompt)).toEqual(['What I will do differently, and by when.'])
  })
})
