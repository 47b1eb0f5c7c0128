import type { HandlersFor } from '../../shared/api'
import type { doctorContract } from '../../shared/contract/doctor'
import type { Clock } from '../relationship/viewpoint'
import { systemClock } from '../relationship/viewpoint'
import type { Vault } from '../vault/vault'
import { makeChosenRepairs, planRepairs } from './chosen-repairs'

/** doctor in the window: its plan, and the repairs the person chose; the vault is read again after, so every view sees the result. */
export function doctorHandlers(vault: Vault, clock: Clock = systemClock): HandlersFor<typeof doctorContract> {
  return {
    'doctor:plan': async () => planRepairs(vault.root, clock.now()),
    'doctor:repair': async ({ repairs }) => {
      vault.assertWritable()
      const outcome = await makeChosenRepairs(vault.root, repairs, clock.now())
      if (outcome.fixed.length > 0) await vault.reload()
      return outcome
    }
  }
}
