/**
 * Zod compiles faster parsers with `new Function` where it may, and probes
 * for that once. The renderer's Content-Security-Policy forbids eval, so the
 * probe is refused and reported as a CSP violation: harmless, but noise that
 * would hide a real one (e2e/zero-network.spec.ts asserts there are none).
 * Tell Zod not to try. main.tsx imports this first, before any schema parses.
 */
import { config } from 'zod'

config({ jitless: true })
