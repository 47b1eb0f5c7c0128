import { runDoctor } from '../../core/doctor/doctor'
import { readVaultHeader } from '../../core/security/vault-header'
import type { CliCommand } from '../command'

export const doctor: CliCommand = {
  name: 'doctor',
  usage: 'doctor [--fix]',
  summary: 'Check every file of the vault; --fix repairs what is safe to repair (exit 1 while problems remain)',
  options: { fix: { type: 'boolean' } },
  async run(ctx, { values }) {
    ctx.requireVault()
    // An encrypted vault is checked through its key (asked for first), so nothing is read or repaired in the clear.
    if (await readVaultHeader(ctx.vaultRoot)) await ctx.vault()
    const report = await runDoctor(ctx.vaultRoot, { fix: values.fix === true })
    if (ctx.json) {
      ctx.io.out(JSON.stringify(report, null, 2))
      return report.findings.length > 0 ? 1 : 0
    }
    for (const { path, action } of report.fixed) ctx.io.out(`fixed  ${path}: ${action}`)
    if (report.backup) ctx.io.out(`Copies of the files as they were are in ${report.backup}`)
    if (report.findings.length === 0) {
      ctx.io.out(`No problems found in ${report.root}`)
      return 0
    }
    ctx.io.out(`${report.findings.length} problem${report.findings.length === 1 ? '' : 's'} in ${report.root}:`)
    for (const f of report.findings) {
      ctx.io.out(`  ${f.path}: ${f.reason}${f.fix && values.fix !== true ? `  (--fix will ${f.fix})` : ''}`)
      for (const side of f.sides ?? []) ctx.io.out(sideBySide(side))
    }
    return 1
  }
}

/** A conflicting stretch of git's markers, both sides indented under the finding. */
function sideBySide({ mine, theirs }: { mine: string; theirs: string }): string {
  const indent = (text: string) =>
    (text.trimEnd() || '(nothing)')
      .split('\n')
      .map((line) => `        ${line}`)
      .join('\n')
  return `      mine (this computer):\n${indent(mine)}\n      theirs (pulled in):\n${indent(theirs)}`
}
