import { join } from 'node:path'
import { readFile } from '../fs/vault-files'
import type { TemplateDefinition } from '../templates/template-file'
import { parseTemplate } from '../templates/template-file'
import { layout, toVaultPath } from '../fs/layout'

/**
 * One template, read the way TemplateStore finds it — the person's edited
 * copy in the vault's `templates/` wins over the built-in of the same id —
 * but without reading and parsing every other template: TemplateStore reads
 * them all on every call (about 25 ms), too slow for a page opened before
 * every call. Throws when neither file can be used, as TemplateStore does.
 */
export function singleTemplateReader(resourcesDir: string, vaultRoot: string): { usable(id: string): Promise<TemplateDefinition> } {
  return {
    async usable(id) {
      const own = toVaultPath(layout.templatesDir, `${id}.md`)
      const builtIn = join(resourcesDir, 'templates', `${id}.md`)
      for (const [path, source] of [[join(vaultRoot, own), own], [builtIn, builtIn]] as const) {
        let text: string
        try {
          text = await readFile(path, 'utf8')
        } catch {
          continue
        }
        const parsed = parseTemplate(text, { id, path: source })
        if (parsed.ok) return parsed.template
        throw new Error(`The template "${id}" cannot be used: ${parsed.problem.message}`)
      }
      throw new Error(`There is no template called "${id}".`)
    }
  }
}
