import { z } from 'zod'
import { isExternalUrlAllowed } from '../external-url'
import { returns } from './define'

export const appContract = {
  /** Opens an http(s) or mailto link in the user's browser or mail app. */
  'app:open-external': {
    input: z.object({
      url: z.string().max(4096).refine(isExternalUrlAllowed, 'Only http, https and mailto links can be opened.')
    }),
    output: returns<void>()
  },
  /** The renderer's answer to the `app:flush` event: whether every pending edit is on disk, and if not, why. */
  'app:flushed': {
    input: z.object({ saved: z.boolean(), problem: z.string().max(2000).optional() }),
    output: returns<void>()
  },
  /** The core clock's time (ISO): "now" for the renderer's relative times, so they agree with the core's dates. */
  'app:now': { input: z.void(), output: returns<string>() }
} as const
