/**
 * What `import … from 'electron'` gets in the booted shell (./register.ts
 * points the specifier here): the stand-in's API, and the test's control
 * channel, started once every piece exists.
 */
import { startControl } from './control'

export * from './electron'

startControl()
