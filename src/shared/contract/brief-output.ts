/**
 * Taking the prep brief off the screen (issue #7): as a PDF of the page the
 * app is showing, onto the clipboard, or into a Markdown file. The shell does
 * the native part (printing, the clipboard, the save dialog); the core decides
 * what is written and where.
 */
import { z } from 'zod'
import { id, returns } from './define'
import { plainConfirmed } from './security'

export const briefOutputContract = {
  /** Asks where to save `<name>-brief-<day>.pdf`, then prints the page the renderer is showing (which must be the brief) to it; null when cancelled. */
  'brief:save-pdf': { input: z.object({ clientId: id, plainConfirmed }), output: returns<{ path: string } | null>() },
  /** Puts the brief's Markdown on the system clipboard (the renderer's own clipboard API is denied). */
  'brief:copy': { input: z.object({ clientId: id }), output: returns<{ characters: number }>() },
  /** Asks where to save the brief's Markdown, and writes it there; null when cancelled. */
  'brief:export': { input: z.object({ clientId: id, plainConfirmed }), output: returns<{ path: string } | null>() }
} as const
