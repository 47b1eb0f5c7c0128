import { Extension } from '@tiptap/core'
import type { AnyExtension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { RawInline } from '@shared/editor-schema'
import { vaultImagePath } from '@shared/vault-image-url'
import { call, errorMessage } from '@renderer/platform/api'
import { rendererExtensions } from './raw-markdown-views'

/**
 * Images in an entry. The Markdown stays the source of truth: an image is
 * an ordinary `![alt](../attachments/photo.png)`, kept byte for byte as the
 * raw inline node the text layer makes of it, and only *shown* as a picture
 * here, loaded through the app's own origin (src/shared/vault-image-url.ts),
 * which the core answers from the vault and nothing else. Pasting or
 * dropping a file keeps it in the client's attachments/ folder (the core
 * names it and checks what it is) and writes that link.
 */

/** The 50 MB the core accepts (src/core/attachments): a bigger file is refused before it is read into memory. */
const MAX_BYTES = 50 * 1024 * 1024
const LABEL = 'Kept as written — edit elsewhere'

/** `![alt](dest "title")` and nothing else: the whole raw inline is one image. */
const IMAGE = /^!\[((?:\\.|[^\\\]])*)\]\(\s*(<[^>\n]*>|[^\s()]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)$/

/** The local file an image's Markdown shows, or null when it is not a local image (a web address is never loaded). */
export function localImage(source: string): { alt: string; href: string } | null {
  const match = IMAGE.exec(source)
  if (!match) return null
  const destination = (match[2] ?? '').replace(/^<|>$/g, '')
  if (/^[a-z][a-z0-9+.-]*:/i.test(destination) || destination.startsWith('/') || destination.startsWith('\\') || destination.startsWith('#')) return null
  let href: string
  try {
    href = decodeURIComponent(destination.split(/[?#]/)[0] ?? '')
  } catch {
    return null
  }
  return href ? { alt: (match[1] ?? '').replace(/\\(.)/g, '$1'), href } : null
}

const sourceOf = (node: PmNode): string => (typeof node.attrs.source === 'string' ? node.attrs.source : '')

function imageAwareRawInline(entryId: string): AnyExtension {
  return RawInline.extend({
    addNodeView() {
      return ({ node }) => {
        const dom = document.createElement('span')
        dom.contentEditable = 'false'
        const show = (source: string): void => {
          dom.replaceChildren()
          const image = localImage(source)
          if (image) {
            dom.className = 'entry-image'
            dom.title = source
            const img = document.createElement('img')
            img.alt = image.alt
            img.decoding = 'async'
            img.loading = 'lazy'
            img.draggable = false
            // Missing, outside the vault, or not really an image: the Markdown is shown as written instead.
            img.addEventListener('error', () => {
              dom.className = 'raw-markdown-inline entry-image-missing'
              dom.title = `Image not found in the vault — ${LABEL}`
              dom.textContent = source
            })
            img.src = vaultImagePath(entryId, image.href)
            dom.append(img)
          } else {
            dom.className = 'raw-markdown-inline'
            dom.title = LABEL
            dom.textContent = source
          }
        }
        show(sourceOf(node))
        return {
          dom,
          update: (next) => {
            if (next.type !== node.type) return false
            if (sourceOf(next) !== sourceOf(node)) show(sourceOf(next))
            node = next
            return true
          },
          ignoreMutation: () => true
        }
      }
    }
  })
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsDataURL(file)
  })
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Keeps each file in the vault and puts its Markdown at `pos`, one after another; problems are told, never thrown. */
async function attachFiles(
  view: EditorView,
  entryId: string,
  files: readonly File[],
  pos: number,
  onProblem: (text: string) => void,
  onAdded: () => void
): Promise<void> {
  let at = pos
  for (const file of files) {
    if (file.size > MAX_BYTES) {
      onProblem(`"${file.name}" was not attached: it is ${megabytes(file.size)}; Rapport keeps attachments up to ${megabytes(MAX_BYTES)}.`)
      continue
    }
    try {
      const added = await call('attachments:add', { entryId, name: file.name || 'pasted image.png', data: await readAsBase64(file) })
      if (view.isDestroyed) return
      const { schema } = view.state
      // An image is kept as its Markdown (shown as a picture); another file is an ordinary link, listed under the entry.
      const link = schema.marks.link?.create({ href: added.href })
      const node = added.image
        ? schema.nodes.rawInline?.create({ source: added.markdown })
        : link && schema.text(added.markdown.slice(1, added.markdown.indexOf('](')).replace(/\\(.)/g, '$1'), [link])
      if (!node) return
      const where = Math.min(at, view.state.doc.content.size)
      const tr = view.state.tr.insert(where, node)
      view.dispatch(tr)
      at = where + node.nodeSize
      onAdded()
    } catch (error) {
      onProblem(errorMessage(error))
    }
  }
}

function AttachOnPasteAndDrop(entryId: string, onProblem: (text: string) => void, onAdded: () => void): AnyExtension {
  return Extension.create({
    name: 'attachOnPasteAndDrop',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('attachOnPasteAndDrop'),
          props: {
            handlePaste: (view, event) => {
              const files = [...(event.clipboardData?.files ?? [])]
              if (files.length === 0 || !view.editable) return false
              event.preventDefault()
              void attachFiles(view, entryId, files, view.state.selection.from, onProblem, onAdded)
              return true
            },
            handleDrop: (view, event) => {
              const files = [...(event.dataTransfer?.files ?? [])]
              if (files.length === 0 || !view.editable) return false
              event.preventDefault()
              const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from
              void attachFiles(view, entryId, files, pos, onProblem, onAdded)
              return true
            }
          }
        })
      ]
    }
  })
}

/** The editor's extensions for one entry: its images shown, and files pasted or dropped kept beside it. */
export function entryExtensions(entryId: string, handlers: { onProblem: (text: string) => void; onAdded: () => void }): AnyExtension[] {
  return [
    ...rendererExtensions.map((extension) => (extension.name === RawInline.name ? imageAwareRawInline(entryId) : extension)),
    AttachOnPasteAndDrop(entryId, handlers.onProblem, handlers.onAdded)
  ]
}
