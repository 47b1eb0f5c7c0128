import { RapportError } from '../errors'

/**
 * The one rule for text leaving an encrypted vault in the clear (an export,
 * a saved brief): it happens only once the person has said yes. The renderer
 * asks when it gets 'needs-confirmation' and calls again with
 * `plainConfirmed: true`; the command line counts the command typed as the yes.
 */
export function confirmPlainOutput(vault: { readonly encrypted: boolean }, confirmed: boolean | undefined, what: string): void {
  if (!vault.encrypted || confirmed === true) return
  throw new RapportError(
    'needs-confirmation',
    `This vault is encrypted, but ${what} will be written unencrypted: plain Markdown that anyone who can open the file can read. Export anyway?`
  )
}
