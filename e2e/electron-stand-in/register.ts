/**
 * Loaded with `node --import` before the built main process: points the
 * `electron` specifier at the stand-in bundled beside this file, and, when the
 * test asks for another platform, makes `process.platform` say so (the shell
 * builds its menu and chooses its spell checker by it).
 */
import { register } from 'node:module'

const standIn = new URL('./electron.mjs', import.meta.url).href
const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: ${JSON.stringify(standIn)}, shortCircuit: true }
  return nextResolve(specifier, context)
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)

const platform = process.env.RAPPORT_STAND_IN_PLATFORM
if (platform) Object.defineProperty(process, 'platform', { value: platform, enumerable: true })
