/**
 * doctor's repairs as the app offers them: first a plan the person reads
 * (each safe repair and what it will do; the rest as advice), then only the
 * repairs they chose, and only while each still reads as it did when shown.
 * The copies before each change are made where the CLI's come from
 * (`repairWithCopies`), so the app and `rapport doctor --fix` keep one rule.
 */
import type { RepairOutcome, RepairPlan } from '../../shared/contract/doctor'
import type { Check } from './doctor'
import { examineVault, repairWithCopies } from './doctor'

function planOf(checks: readonly Check[]): RepairPlan {
  const plan: RepairPlan = { repairs: [], advice: [] }
  for (const { path, reason, fix, repair } of checks) {
    if (repair && fix) plan.repairs.push({ path, reason, fix })
    else plan.advice.push({ path, reason })
  }
  return plan
}

export async function planRepairs(root: string, now: Date): Promise<RepairPlan> {
  return planOf(await examineVault(root, now))
}

/**
 * Makes the chosen repairs. The vault is read again first, so a repair is
 * made only if its file still has the problem the person saw, with the same
 * fix; anything else (no longer a problem, a problem that changed, one that
 * needs a person) is refused and said why, and nothing of it is touched.
 */
export async function makeChosenRepairs(root: string, chosen: ReadonlyArray<{ path: string; fix: string }>, now: Date): Promise<RepairOutcome> {
  const checks = await examineVault(root, now)
  const approved: Check[] = []
  const refused: RepairOutcome['refused'] = []
  for (const { path, fix } of chosen) {
    const atPath = checks.filter((c) => c.path === path)
    const match = atPath.find((c) => c.repair && c.fix === fix)
    if (match) {
      if (!approved.includes(match)) approved.push(match)
      continue
    }
    const safe = atPath.find((c) => c.repair)
    if (safe)
      refused.push({
        path,
        reason: `its problem changed since it was shown (now Rapport would ${safe.fix ?? 'repair it differently'}); look again before repairing`
      })
    else if (atPath.length > 0)
      refused.push({ path, reason: `Rapport does not repair this by itself, as it would have to guess what you meant: ${atPath[0]?.reason ?? ''}` })
    else refused.push({ path, reason: 'it no longer has a problem Rapport can see; nothing was changed' })
  }
  const done = approved.length > 0 ? await repairWithCopies(root, approved, now) : { fixed: [] }
  return { ...done, refused, plan: await planRepairs(root, now) }
}
