import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entryDoc } from './documents'
import type { SearchDoc } from './documents'
import { signatureColumns } from './index-host'
import { IndexThread } from './index-thread'
import { parseQuery } from './query'

const words = ['budget', 'timeline', 'scope', 'pilot', 'renewal', 'feedback', 'sponsor', 'roadmap', 'pricing', 'discount', 'lighthouse', 'harbour']

function docs(count: number): SearchDoc[] {
  return Array.from({ length: count }, (_, i) =>
    entryDoc(
      {
        id: `e_${i}`,
        clientId: i % 3 === 0 ? null : `c_${i % 7}`,
        title: `Call ${i} about ${words[i % words.length]}`,
        created: `2025-0${1 + (i % 9)}-1${i % 10}T10:00:00.000Z`,
        tags: i % 4 === 0 ? ['Retainer'] : []
      },
      Array.from({ length: 60 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' '),
      null
    )
  )
}

async function build(thread: IndexThread, all: readonly SearchDoc[]): Promise<void> {
  for (let at = 0; at < all.length; at += 50) await thread.request({ op: 'update', remove: [], add: all.slice(at, at + 50) })
  await thread.request({ op: 'update', remove: ['entry:e_5', 'entry:e_6'], add: [] })
}

const queries = [
  { query: 'budg', filter: {} },
  { query: 'lighthuose harbour', filter: {} },
  { query: 'pilot', filter: { tag: 'retainer', from: '2025-02-01' } },
  { query: 'scope', filter: { clientIds: ['c_1', 'c_2'] } }
]

describe('the search index on its own thread', () => {
  it('runs on a worker thread and answers exactly as the same index on this thread', async () => {
    const all = docs(400)
    const worker = new IndexThread('worker')
    const here = new IndexThread('here')
    expect(await worker.onItsOwnThread()).toBe(true)
    expect(await here.onItsOwnThread()).toBe(false)
    await Promise.all([build(worker, all), build(here, all)])
    for (const { query, filter } of queries) {
      const ask = { op: 'query', parsed: parseQuery(query), filter, limit: 20 } as const
      const [there, local] = await Promise.all([worker.request(ask), here.request(ask)])
      expect(there.total, query).toBeGreaterThan(0)
      expect(there, query).toEqual(local)
    }
    const serialized = await worker.request({ op: 'serialize' })
    expect(serialized).toEqual(await here.request({ op: 'serialize' }))
    worker.close()
  })

  it('leaves this thread free while it builds: a ticker keeps ticking (on this thread it could not)', async () => {
    const worker = new IndexThread('worker')
    await worker.onItsOwnThread()
    let ticks = 0
    const ticker = setInterval(() => ticks++, 0)
    try {
      const building = build(worker, docs(3000))
      await Promise.race([building, new Promise((resolve) => setTimeout(resolve, 50))])
      const ticksWhileBuilding = ticks
      await building
      // Documents made here are sent in batches; the indexing itself happens over there while timers here still run.
      expect(ticksWhileBuilding).toBeGreaterThan(0)
      const answer = await worker.request({ op: 'query', parsed: parseQuery('budget'), filter: {}, limit: 5 })
      expect(answer.ranked).toHaveLength(5)
    } finally {
      clearInterval(ticker)
      worker.close()
    }
  })

  it("answers a search sent after a cache's bytes before those bytes are done (they are made in the background there)", async () => {
    const worker = new IndexThread('worker')
    const all = docs(3000)
    await build(worker, all)
    const order: string[] = []
    const signatures = new Map(all.map((doc) => [doc.source, 'v1']))
    const bytes = worker
      .request({ op: 'cache-bytes', signatures: signatureColumns(signatures), now: new Date(0).toISOString(), sealing: null })
      .then((made) => (order.push('cache-bytes'), made))
    const query = worker.request({ op: 'query', parsed: parseQuery('budget'), filter: {}, limit: 5 }).then(() => order.push('query'))
    const [made] = await Promise.all([bytes, query])
    expect(order).toEqual(['query', 'cache-bytes'])
    // And the bytes are a cache the index can be opened from, on another thread.
    const other = new IndexThread('worker')
    expect(await other.request({ op: 'load-cache', bytes: made, sealing: null })).toMatchObject({ kind: 'loaded', signatures: { count: all.length } })
    other.close()
    worker.close()
  })

  it.runIf(process.platform === 'linux')(
    'runs at a lower priority than the thread that answers the window (Linux: nice +10 for its thread alone)',
    async () => {
      const niceOf = (task: string): number => {
        // /proc/<pid>/task/<tid>/stat: the fields after the command's closing parenthesis; nice is the 19th field overall.
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
      }
      const own = niceOf(String(process.pid))
      const before = new Set(readdirSync('/proc/self/task'))
      const worker = new IndexThread('worker')
      await worker.request({ op: 'update', remove: [], add: docs(1) })
      const started = readdirSync('/proc/self/task').filter((task) => !before.has(task))
      expect(started.map(niceOf)).toContain(Math.min(19, own + 10))
      expect(niceOf(String(process.pid))).toBe(own)
      worker.close()
    }
  )
})
