import type { Nodes, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../shared/markdown'
import type { Brief } from '../../shared/contract/brief'
import { isExternalUrlAllowed } from '../../shared/external-url'
import { briefToMarkdown } from './brief-markdown'
import { inlineText, pathHref } from './markdown-text'

const parse = (markdown: string): Root => parseMarkdown(markdown)

function nodesOf(tree: Nodes): Nodes[] {
  const all: Nodes[] = [tree]
  if ('children' in tree) for (const child of tree.children) all.push(...nodesOf(child as Nodes))
  return all
}

const textOf = (node: Nodes): string =>
  node.type === 'text' || node.type === 'inlineCode' ? node.value : 'children' in node ? node.children.map((c) => textOf(c as Nodes)).join('') : ''

/** Text people type that Markdown would otherwise take for syntax, or for HTML. */
const hostile = {
  name: '*Acme* [x](javascript:alert(1))',
  organisation: '<script>alert(1)</script> & Sons &amp; Co',
  what: '# Not a heading\n- not a list | not a table ~~not struck~~',
  note: '1. not a list\n\n> not a quote `not code` <img src=x onerror=alert(1)>',
  title: '](javascript:alert(1)) [click](https://evil.example)',
  like: '![pic](https://evil.example/x.png)',
  goals: '___ --- === \\ trailing backslash \\'
}

function hostileBrief(): Brief {
  const ref = { entryId: 'e_1', title: hostile.title, path: 'clients/acme (old)/journal/2026-11-20 notes <1>.md', day: '2026-11-20' }
  return {
    clientId: 'c_1',
    name: hostile.name,
    asOf: { at: '2026-11-23T10:00:00.000Z', day: '2026-11-23', time: '10:00', timeZone: 'Europe/London' },
    sections: [
      { kind: 'who', organisation: hostile.organisation, role: hostile.what },
      {
        kind: 'commitments',
        mine: {
          items: [
            { id: 'k_1', what: hostile.what, status: 'open', due: { day: '2026-11-20', state: 'overdue', days: -3 }, overdue: true, createdAt: '2026-11-01' }
          ],
          more: 0
        },
        theirs: { items: [], more: 0 }
      },
      {
        kind: 'conversations',
        items: [
          {
            interactionId: 'i_1',
            at: '2026-11-20',
            day: '2026-11-20',
            channel: 'phone',
            direction: 'out',
            outcome: 'conversation',
            note: hostile.note,
            gist: { ...ref, source: 'excerpt', text: hostile.note }
          }
        ],
        more: 0
      },
      { kind: 'person', likes: { items: [hostile.like], more: 0 }, dislikes: { items: [], more: 0 }, dates: { items: [], more: 0 } },
      { kind: 'business', goals: hostile.goals }
    ]
  }
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()

describe('the brief as Markdown', () => {
  it('shows what people typed exactly as written: nothing they typed becomes a link of Markdown, an image, HTML or formatting', () => {
    const markdown = briefToMarkdown(hostileBrief())
    const tree = parse(markdown)
    const nodes = nodesOf(tree)
    const isFooter = (n: Nodes): boolean => n.type === 'emphasis' && textOf(n).startsWith('Prepared ')
    expect(nodes.filter((n) => ['html', 'image', 'inlineCode', 'emphasis', 'delete', 'table'].includes(n.type) && !isFooter(n))).toEqual([])
    // The one link made of Markdown is the brief's own, into the journal, to the file's (encoded) path. A web
    // address typed as text is linked as itself, as an email program would do: shown as written, and only
    // where the app's one rule for links lets it go (http, https, mailto).
    const links = nodes.flatMap((n) => (n.type === 'link' ? [[n.url, textOf(n)]] : []))
    expect(links).toEqual([
      ['clients/acme%20%28old%29/journal/2026-11-20%20notes%20%3C1%3E.md', oneLine(hostile.title)],
      ['https://evil.example/x.png', 'https://evil.example/x.png']
    ])
    expect(links.slice(1).every(([url]) => isExternalUrlAllowed(url ?? ''))).toBe(true)
    // One title, four section headings: nothing typed became a heading.
    expect(nodes.filter((n) => n.type === 'heading').map(textOf)).toEqual([
      `${hostile.name} — ${hostile.organisation}`,
      'Commitments',
      'Last conversations',
      'The person',
      'Their business'
    ])
    const paragraphs = nodes.filter((n) => n.type === 'paragraph').map(textOf)
    expect(paragraphs).toContain(oneLine(hostile.what))
    expect(paragraphs).toContain(`${oneLine(hostile.what)} — overdue since Fri 20 Nov`)
    expect(paragraphs).toContain(`Fri 20 Nov · Phone · conversation — ${oneLine(hostile.note)}`)
    expect(paragraphs).toContain(`Likes: ${hostile.like}`)
    expect(paragraphs).toContain(`Goals: ${hostile.goals}`)
    // The lists are the brief's own: one item each, no list made from a typed "- " or "1. ".
    expect(nodes.filter((n) => n.type === 'list').map((l) => (l.type === 'list' ? [l.ordered, l.children.length] : null))).toEqual([
      [false, 1],
      [false, 1],
      [false, 1],
      [false, 1],
      [false, 1]
    ])
  })

  it('writes the people likely on the call one line each, their names and words as typed, and how many were left out in the heading', () => {
    const name = `${hostile.name} <script>alert(1)</script> [Bob](rapport://person/p_x) 👋 ${'x'.repeat(260)}`
    const brief: Brief = {
      clientId: 'c_1',
      name: 'Acme',
      asOf: { at: '2026-11-23T10:00:00.000Z', day: '2026-11-23', time: '10:00', timeZone: 'Europe/London' },
      sections: [
        {
          kind: 'people',
          items: [
            {
              personId: 'p_1',
              name,
              role: hostile.organisation,
              relation: 'sponsor',
              trust: 'friend',
              channel: 'phone',
              opening: 'small-talk-first',
              likes: { items: [hostile.like], more: 2 },
              dislikes: { items: [hostile.title], more: 0 },
              mentioned: '2026-11-20'
            },
            { personId: 'p_2', name: 'Jo Park', likes: { items: [], more: 0 }, dislikes: { items: [], more: 0 } }
          ],
          more: 5
        }
      ]
    }
    const markdown = briefToMarkdown(brief)
    const nodes = nodesOf(parse(markdown))
    expect(nodes.filter((n) => ['html', 'image', 'inlineCode', 'delete', 'table'].includes(n.type))).toEqual([])
    // Only web addresses typed as text are linked (as themselves); the rapport: link and the javascript: one are text.
    expect(nodes.flatMap((n) => (n.type === 'link' ? [n.url] : [])).every((url) => isExternalUrlAllowed(url))).toBe(true)
    expect(nodes.filter((n) => n.type === 'heading').map(textOf)).toEqual(['Acme', 'Likely on the call (2 of 7)'])
    expect(nodes.filter((n) => n.type === 'strong').map(textOf)).toEqual([name, 'Jo Park'])
    const items = nodes.filter((n) => n.type === 'listItem').map(textOf)
    expect(items).toEqual([
      `${name} — ${hostile.organisation} · Sponsor · Friend trust · Prefers phone, small talk first · Likes ${hostile.like} (+2) · Dislikes ${oneLine(hostile.title)}`,
      'Jo Park'
    ])
  })

  it('still reads as plain text: only what Markdown would take for syntax is escaped', () => {
    expect(inlineText('+1 212 555 0100')).toBe('+1 212 555 0100')
    expect(inlineText('-5% on the renewal')).toBe('-5% on the renewal')
    expect(inlineText('3.5 million by Q3')).toBe('3.5 million by Q3')
    expect(inlineText('dana_whitfield@northwind.example, America/Los_Angeles')).toBe('dana_whitfield@northwind.example, America/Los_Angeles')
    expect(inlineText('Send the deck (v2) — 50% done!')).toBe('Send the deck (v2) — 50% done!')
    expect(inlineText('- a list')).toBe('\\- a list')
    expect(inlineText('## a heading')).toBe('\\## a heading')
    expect(inlineText('2) a list')).toBe('2\\) a list')
    expect(inlineText('_so_ *very* `code`')).toBe('\\_so\\_ \\*very\\* \\`code\\`')
    expect(inlineText('Acme #')).toBe('Acme \\#')
    expect(inlineText('&copy; &#169; & more')).toBe('\\&copy; \\&#169; & more')
    expect(inlineText('  two\nlines\r\n  and\ttabs  ')).toBe('two lines and tabs')
  })

  it('links to entries by their file, each part of the path encoded', () => {
    expect(pathHref('clients/dana-whitfield/journal/2026-11-20-scope-call.md')).toBe('clients/dana-whitfield/journal/2026-11-20-scope-call.md')
    expect(pathHref("clients/o'brien (2)/journal/a b.md")).toBe('clients/o%27brien%20%282%29/journal/a%20b.md')
  })
})
