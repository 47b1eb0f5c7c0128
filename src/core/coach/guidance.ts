import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import type { CoachLine, Guidance } from '../../shared/contract/coach'
import type { Stage, TrustLevel } from '../../shared/domain'
import { stages, trustLevels } from '../../shared/domain'

/**
 * The coaching lines: for each stage and trust rung, what it means and what
 * tends to move it to the next. The words are data (`resources/guidance/<language>.yaml`),
 * so they are written and translated in one place, never in components.
 */

const line = z.strictObject({ means: z.string().trim().min(1).max(200), next: z.string().trim().min(1).max(200) })
const guidanceFile = z.object({
  stages: z.strictObject(Object.fromEntries(stages.map((s) => [s, line])) as Record<Stage, typeof line>),
  trust: z.strictObject(Object.fromEntries(trustLevels.map((t) => [t, line])) as Record<TrustLevel, typeof line>)
})

const loaded = new Map<string, Guidance>()

/**
 * The guidance shipped in `resourcesDir` for `language` (English when there is no file for it).
 * Read once per process; a file that is not complete is a packaging mistake, said plainly.
 */
export function loadGuidance(resourcesDir: string, language = 'en'): Guidance {
  const key = `${resourcesDir}\u0000${language}`
  const known = loaded.get(key)
  if (known) return known
  const path = join(resourcesDir, 'guidance', `${language}.yaml`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (language !== 'en') return loadGuidance(resourcesDir, 'en')
    throw new Error(`Rapport’s guidance file ${path} cannot be read (${(error as Error).message}).`)
  }
  const checked = guidanceFile.safeParse(parse(text))
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new Error(`Rapport’s guidance file ${path} is not complete: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim())
  }
  loaded.set(key, checked.data)
  return checked.data
}

/** The line for a stage or a trust rung. */
export function guidanceFor(guidance: Guidance, kind: 'stage', level: Stage): CoachLine
export function guidanceFor(guidance: Guidance, kind: 'trust', level: TrustLevel): CoachLine
export function guidanceFor(guidance: Guidance, kind: 'stage' | 'trust', level: Stage | TrustLevel): CoachLine {
  return kind === 'stage' ? guidance.stages[level as Stage] : guidance.trust[level as TrustLevel]
}
