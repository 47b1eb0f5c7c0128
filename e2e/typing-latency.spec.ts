import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { openBareTipTap } from './harness/bare-tiptap-page'
import { expect, test } from './fixtures'

/**
 * Typing at a person's pace in a long entry, side by side with a bare TipTap
 * editor (StarterKit only) holding the same document in the same Chromium:
 * keydown to the painted frame that shows the key, and how long a key waits
 * when it is pressed while an autosave runs. Prints both editors' figures and
 * their ratio (the figures the issue asks for). It fails on no timing: on a
 * shared, loaded machine both editors' figures swing by several times from
 * run to run (the ratio much less), so a threshold would fail for the
 * machine, not the code. It asserts what makes the figures mean something:
 * autosaves really ran inside the measured typing with keys pressed during
 * them, the Markdown was made in a worker, and every key reached the file.
 */
const paragraph = (n: number) =>
  `She pushed back on the timeline and asked for the revised scope before Friday, with the numbers first and the story second ${n}.`

const SENTENCES = [
  'We agreed to meet again next week. ',
  'She wants the numbers first, then the story. ',
  'I will send the revised scope by Friday. ',
  'He asked about the budget twice, so we should open with it. '
]

/** AutosaveSession's wait after the last key (src/renderer/src/platform/editing/autosave-session.ts). */
const AUTOSAVE_DEBOUNCE_MS = 600

interface Keystroke {
  char: string
  /** Milliseconds after the previous key. */
  gap: number
}

/**
 * A person's pace: 60–120 ms between keys (a fixed pseudo-random sequence, the
 * same for both editors), and after each sentence a pause just past the
 * autosave's wait, so the next keys land while the save runs.
 */
function keystrokes(): Keystroke[] {
  let seed = 20
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const pauses = [610, 625, 640, 660]
  return SENTENCES.flatMap((sentence, s) =>
    [...sentence].map((char, i) => ({ char, gap: i === 0 && s > 0 ? (pauses[s % pauses.length] ?? 700) : 60 + Math.round(next() * 60) }))
  )
}

/** Records, in the page, each key's keydown-to-painted-frame time and when the save status shows a save running. */
async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record: Window['__typing'] = { keys: [], saves: [], changesAround: 0, changesInList: 0, typedByBrowser: 0 }
    window.__typing = record
    // What changes on screen besides the text: the surroundings must not be redrawn for every key.
    new MutationObserver((changes) => {
      const around = changes
        .map((change) => (change.target instanceof Element ? change.target : change.target.parentElement))
        .filter((at) => !at?.closest('.ProseMirror'))
      record.changesAround += around.length
      record.changesInList += around.filter((at) => at?.closest('.entry-list')).length
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    // Characters the browser's editing inserted (Rapport's editor inserts typed characters itself, type-into-document.ts).
    // A `beforeinput` listener, unlike an `input` one, costs the page nothing measurable.
    document.addEventListener('beforeinput', (event) => void (event.inputType === 'insertText' && record.typedByBrowser++), { capture: true })
    document.addEventListener(
      'keydown',
      (event) => {
        // Only the typed characters, not the Ctrl+End that puts the cursor at the end.
        if (event.key.length !== 1) return
        const at = event.timeStamp
        // The frame that shows the key runs after this rAF callback; a task queued from it runs once that frame is painted.
        requestAnimationFrame(() => setTimeout(() => record.keys.push({ at, latency: performance.now() - at }), 0))
      },
      { capture: true }
    )
    const status = document.querySelector('.save-status')
    if (!status) return
    let savingSince: number | null = null
    new MutationObserver(() => {
      const saving = status.classList.contains('saving')
      if (saving && savingSince === null) savingSince = performance.now()
      if (!saving && savingSince !== null) {
        record.saves.push({ seenAt: savingSince, doneAt: performance.now() })
        savingSince = null
      }
    }).observe(status, { attributes: true, attributeFilter: ['class'] })
  })
}

async function typeLikeAPerson(page: Page, keys: readonly Keystroke[]): Promise<void> {
  let due = Date.now()
  for (const { char, gap } of keys) {
    // A pause is timed from the key before it as it really went (a late key must not shorten it below the autosave's wait).
    due = gap > AUTOSAVE_DEBOUNCE_MS ? Date.now() + gap : due + gap
    const wait = due - Date.now()
    if (wait > 0) await page.waitForTimeout(wait)
    await page.keyboard.type(char)
  }
  await page.waitForTimeout(300)
}

const percentile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN

/**
 * The keys pressed while an autosave ran: from the moment its wait ran out
 * (the last key before it, plus the debounce) until the status left "Saving…"
 * and the next frame was drawn.
 */
function keysDuringSaves(recorded: Window['__typing']): number[] {
  const stamps = recorded.keys.map((key) => key.at)
  return recorded.keys
    .filter((key) =>
      recorded.saves.some((save) => {
        const lastBefore = Math.max(...stamps.filter((at) => at + AUTOSAVE_DEBOUNCE_MS <= save.seenAt))
        return key.at >= lastBefore + AUTOSAVE_DEBOUNCE_MS && key.at <= save.doneAt + 17
      })
    )
    .map((key) => key.latency)
}

/** Set TYPING_PROFILE=<folder> to keep a Chromium performance trace of each round (open it in DevTools, Performance tab). */
const PROFILE_TO = process.env.TYPING_PROFILE

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/**
 * The CPU time the page's main thread spent in its tasks, from a Chromium trace's thread times. Unlike
 * latencies it hardly moves when other programs load the machine, so it shows what each key costs the
 * window even on a busy CI run. The busiest renderer main thread is the page that was typed into.
 *
 * Each task is counted whole, from its outermost event (`RunTask`): the microtask checkpoint that ends a
 * task lies outside the scheduler's inner `ThreadControllerImpl::RunTask`, and that is where a MutationObserver
 * runs, which is where ProseMirror reads and redraws a character the browser typed (bare TipTap's path: 1.2 ms
 * of its keys' time in a profiled run, which counting the inner event alone left out).
 */
function mainThreadCpuMs(trace: Buffer): number {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const byThread = new Map<string, TraceEvent[]>()
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`
    if (e.ph !== 'X' || e.dur === undefined || e.tdur === undefined || !mains.has(thread)) continue
    const tasks = byThread.get(thread) ?? []
    tasks.push(e)
    byThread.set(thread, tasks)
  }
  let busiest = 0
  for (const tasks of byThread.values()) {
    let cpu = 0
    let outerEnds = -Infinity
    for (const e of tasks.toSorted((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
      if (e.ts < outerEnds) continue // inside a task already counted
      cpu += e.tdur ?? 0
      outerEnds = e.ts + (e.dur ?? 0)
    }
    busiest = Math.max(busiest, cpu)
  }
  return busiest / 1000
}

/** Traces a round: always the thread times (cheap), and everything DevTools shows when TYPING_PROFILE is set. */
async function startTracing(browser: Browser, page: Page): Promise<{ stop(path: string): Promise<number> }> {
  const categories = PROFILE_TO
    ? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler']
    : ['toplevel']
  await browser.startTracing(page, { categories })
  return {
    async stop(path) {
      const trace = await browser.stopTracing()
      if (PROFILE_TO) {
        await mkdir(dirname(path), { recursive: true })
        await writeFile(path, trace)
      }
      return mainThreadCpuMs(trace)
    }
  }
}

/**
 * Where Chromium started each layout while a few keys were typed into `page`'s focused editor: the root node's name
 * (`#document` for the whole window). Traced on its own, since the timeline's events would weigh on the measured rounds.
 */
async function layoutRootsWhileTyping(browser: Browser, page: Page, text: string): Promise<string[]> {
  await browser.startTracing(page, { categories: ['devtools.timeline'] })
  for (const char of text) {
    await page.keyboard.type(char)
    await page.waitForTimeout(70)
  }
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: LayoutEvent[] }).traceEvents
  return events.filter((e) => e.name === 'Layout' && e.ph === 'X').flatMap((e) => (e.args?.endData?.layoutRoots ?? []).map((root) => root.nodeName))
}

interface LayoutEvent {
  name: string
  ph: string
  args?: { endData?: { layoutRoots?: Array<{ nodeName: string }> } }
}

const ms = (value: number) => `${value.toFixed(1)} ms`

for (const words of [2000, 10000]) {
  test(`typing at a person's pace in a ${words.toLocaleString('en')}-word entry, measured beside bare TipTap`, async ({ app, browser }) => {
    test.setTimeout(300_000)
    const client = await app.vault.clients.create('Long Writer')
    const perParagraph = paragraph(0).split(' ').length
    const paragraphs = Array.from({ length: Math.ceil(words / perParagraph) }, (_, i) => paragraph(i))
    const entry = await app.vault.entries.create({
      clientId: client.id,
      folder: 'clients/long-writer/journal',
      title: 'Long entry',
      body: `${paragraphs.join('\n\n')}\n`
    })
    const page = app.page
    const warnings: string[] = []
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())))
    await page.reload()
    await page.getByRole('option', { name: /Long Writer/ }).click()
    await page.getByRole('option', { name: /Long entry/ }).click()
    const editor = page.getByRole('textbox', { name: 'Entry text' })
    await expect(editor).toContainText(paragraph(3))
    const bare = await openBareTipTap(browser, paragraphs)
    const bareEditor = bare.getByRole('textbox', { name: 'Bare text' })
    await expect(bareEditor).toContainText(paragraph(3))

    const keys = keystrokes()
    const typed = keys.map((key) => key.char).join('')
    const results = new Map<Page, Window['__typing']>()
    const cpuMs = new Map<Page, number>()
    // Bare, Rapport, bare, Rapport: whatever else loads the machine meanwhile falls on both alike.
    for (const round of [1, 2]) {
      for (const [target, field] of [
        [bare, bareEditor],
        [page, editor]
      ] as const) {
        await target.bringToFront()
        // The pointer rests over the text in both, as a person's does while typing: Chromium then works out what is under it
        // after each frame that moved something. (Left where it last clicked, Rapport's paid that and bare TipTap's did not.)
        const box = await field.boundingBox()
        if (!box) throw new Error('the editor is not on screen')
        await target.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200))
        // Focus, not a click: a click into an editor that already has focus can put the cursor back where it landed after Ctrl+End.
        await field.focus()
        await target.keyboard.press('Control+End')
        await target.waitForFunction(() => {
          const selection = getSelection()
          const last = document.querySelector('[role="textbox"].prose > :last-child')
          const at = selection?.focusNode
          return (
            !!at && !!last?.contains(at) && selection.focusOffset === (at.nodeType === Node.TEXT_NODE ? (at.textContent ?? '').length : at.childNodes.length)
          )
        })
        if (round === 1) await startRecording(target)
        const tracing = await startTracing(browser, target)
        await typeLikeAPerson(target, keys)
        const cpu = await tracing.stop(join(PROFILE_TO ?? '', `typing-${words}-${target === page ? 'rapport' : 'bare'}-${round}-trace.json`))
        cpuMs.set(target, (cpuMs.get(target) ?? 0) + cpu)
        results.set(target, await target.evaluate(() => window.__typing))
      }
    }
    const ours = results.get(page)
    const theirs = results.get(bare)
    if (!ours || !theirs) throw new Error('nothing recorded')
    const oursSorted = ours.keys.map((key) => key.latency).sort((a, b) => a - b)
    const theirsSorted = theirs.keys.map((key) => key.latency).sort((a, b) => a - b)
    const duringSaves = keysDuringSaves(ours)
    const p95 = percentile(oursSorted, 0.95)
    const bareP95 = percentile(theirsSorted, 0.95)
    const oursCpu = (cpuMs.get(page) ?? Number.NaN) / oursSorted.length
    const bareCpu = (cpuMs.get(bare) ?? Number.NaN) / theirsSorted.length
    console.log(
      [
        `typing at a person's pace, ${words} words (${oursSorted.length} keys each, keydown to the painted frame):`,
        `  Rapport     p50 ${ms(percentile(oursSorted, 0.5))}  p95 ${ms(p95)}  worst ${ms(oursSorted.at(-1) ?? Number.NaN)}`,
        `  bare TipTap p50 ${ms(percentile(theirsSorted, 0.5))}  p95 ${ms(bareP95)}  worst ${ms(theirsSorted.at(-1) ?? Number.NaN)}`,
        `  p95 ratio ${(p95 / bareP95).toFixed(2)}×`,
        `  main-thread CPU per key (trace thread time, steadier than latency on a loaded machine): Rapport ${ms(oursCpu)}, bare TipTap ${ms(
          bareCpu
        )}, ratio ${(oursCpu / bareCpu).toFixed(2)}×`,
        `  ${ours.changesAround} changes on screen outside the text (the save status), ${ours.changesInList} of them in the entry list`,
        `  ${ours.saves.length} autosaves during the run; ${duringSaves.length} keys pressed while one ran: p50 ${ms(
          percentile(
            duringSaves.toSorted((a, b) => a - b),
            0.5
          )
        )}, the slowest ${ms(Math.max(...duringSaves))}`
      ].join('\n')
    )

    // Autosaves really ran inside the measured typing, with keys pressed during them, and every key reached the file.
    // Around the text only the save status and what a save changes are redrawn, not something for every key.
    expect(ours.changesAround).toBeLessThan(ours.keys.length / 2)
    // Typing at the end changes neither the entry's title nor its opening, which is all its row shows: saves leave the list alone.
    expect(ours.changesInList).toBe(0)
    const pauses = 2 * (SENTENCES.length - 1)
    expect(ours.saves.length).toBeGreaterThanOrEqual(pauses)
    expect(duringSaves.length).toBeGreaterThanOrEqual(pauses / 2)
    // Rapport's editor put every typed character into the document itself; the bare editor left them to the browser.
    expect(ours.typedByBrowser).toBe(0)
    expect(theirs.typedByBrowser).toBe(theirs.keys.length)
    expect(oursSorted.length).toBe(2 * keys.length)
    expect(theirsSorted.length).toBe(2 * keys.length)
    await expect(page.locator('.save-status')).toHaveText('Saved')
    // The caret stayed in view as the text grew (the editor scrolls its own box to it, scroll-caret.ts).
    const caretInView = await page.evaluate(() => {
      const caret = getSelection()?.getRangeAt(0).getBoundingClientRect()
      const box = document.querySelector('.editor-scroll')?.getBoundingClientRect()
      return !!caret && !!box && caret.top >= box.top && caret.bottom <= box.bottom
    })
    expect(caretInView).toBe(true)
    // The Markdown autosave writes is made in a worker, not in the window the keys go to.
    expect(warnings.filter((text) => text.includes('Markdown worker'))).toEqual([])
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/\/assets\/markdown\.worker-[\w-]+\.js$/)])
    expect((await app.vault.entries.read(entry.id)).body).toContain(`${paragraph(paragraphs.length - 1)}${typed}${typed}`.trimEnd())
    // A typed key lays out the entry's scroll box, not the window around it (editor.css: .editor-scroll is its own layout root).
    const roots = await layoutRootsWhileTyping(browser, page, ' and more')
    expect(roots.filter((root) => root.includes('editor-scroll')).length).toBeGreaterThanOrEqual(' and more'.length)
    expect(roots.filter((root) => root === '#document')).toEqual([])
    await bare.context().close()
  })
}
