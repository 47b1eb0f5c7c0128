import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatJson } from '../src/core/fs/durable-json-file'
import { serializeEntryFile } from '../src/core/entries/entry-file'

/**
 * A realistic vault for benchmarks: clients with profiles, commitments and
 * interactions, and entries of varied length and vocabulary, written straight
 * to disk (no fsync: this is set-up, not what is measured). Deterministic for
 * a given seed, so runs compare.
 */
export interface SyntheticVault {
  root: string
  clients: number
  entries: number
  bytes: number
}

const words = (
  'budget timeline scope pilot renewal feedback sponsor procurement quarter roadmap migration pricing discount contract ' +
  'meeting call coffee family holiday birthday jazz cucumber football garden launch delay risk owner trust respect ' +
  'promise deliver follow-up proposal invoice workshop retrospective stakeholder legal security compliance hiring board ' +
  'strategy growth churn onboarding support escalation apology repair listen curious patient persevere value success'
).split(' ')

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

function paragraph(next: () => number, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(words[Math.floor(next() * words.length)] ?? 'word')
  const text = out.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

export function entryBody(next: () => number, wordCount: number): string {
  const parts: string[] = ['## What happened', '']
  let written = 0
  while (written < wordCount) {
    const n = 20 + Math.floor(next() * 60)
    parts.push(paragraph(next, n), '')
    if (next() < 0.2) parts.push(`- ${paragraph(next, 6)}`, `- ${paragraph(next, 8)}`, '')
    written += n
  }
  return parts.join('\n')
}

export async function writeSyntheticVault(root: string, clientCount: number, entryCount: number, seed = 42): Promise<SyntheticVault> {
  const next = random(seed)
  let bytes = 0
  await mkdir(root, { recursive: true })
  await writeFile(join(root, 'rapport.json'), formatJson({ format: 1, createdAt: '2024-01-01T00:00:00.000Z', settings: {} }))
  const clientIds: Array<{ id: string; slug: string }> = []
  for (let c = 0; c < clientCount; c++) {
    const id = `c_BENCH${String(c).padStart(20, '0')}`
    const slug = `client-${c}`
    clientIds.push({ id, slug })
    await mkdir(join(root, 'clients', slug, 'journal'), { recursive: true })
    const client = {
      format: 1,
      id,
      name: `Client ${c} ${words[c % words.length]}`,
      organisation: `Org ${c}`,
      style: { channel: 'phone', detail: 'big-picture', opening: 'small-talk-first', timeZone: 'Europe/London' },
      person: { likes: ['jazz'], dislikes: ['cucumber'] },
      stage: { current: 'engaged', history: [{ stage: 'first-contact', at: '2024-01-10' }] },
      commitments: Array.from({ length: 4 }, (_, k) => ({
        id: `k_${c}_${k}`,
        by: k % 2 ? 'client' : 'me',
        what: paragraph(next, 6),
        due: `2026-1${k % 3}-1${k}`,
        status: 'open',
        createdAt: '2026-01-01'
      })),
      interactions: Array.from({ length: 8 }, (_, k) => ({
        id: `i_${c}_${k}`,
        at: `2026-0${1 + (k % 9)}-1${k}T10:00:00Z`,
        channel: 'email',
        direction: 'out',
        outcome: k % 3 ? 'no-reply' : 'conversation'
      })),
      people: [],
      tags: ['retainer']
    }
    const text = formatJson(client)
    bytes += text.length
    await writeFile(join(root, 'clients', slug, 'client.json'), text)
  }
  for (let e = 0; e < entryCount; e++) {
    const client = clientIds[e % clientIds.length]
    if (!client) break
    const day = new Date(Date.UTC(2022, 0, 1) + e * 3_600_000 * 7).toISOString()
    const title = paragraph(next, 3 + Math.floor(next() * 4)).replace(/\.$/, '')
    const text = serializeEntryFile(
      null,
      { id: `e_BENCH${String(e).padStart(20, '0')}`, client: client.id, title, created: day, updated: day, tags: [] },
      entryBody(next, 60 + Math.floor(next() * 900))
    )
    bytes += text.length
    await writeFile(join(root, 'clients', client.slug, 'journal', `${day.slice(0, 10)}-entry-${e}.md`), text)
  }
  return { root, clients: clientCount, entries: entryCount, bytes }
}
