import { join } from 'node:path'

/** `resources/` of a source checkout, for the CLI, the tests and the e2e harness (the app passes its own). */
export const checkoutResourcesDir = join(import.meta.dirname, '../../resources')
