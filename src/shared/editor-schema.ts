/**
 * The TipTap/ProseMirror schema of a journal entry.
 *
 * This module is shared by the main process (Node, no DOM) and the renderer
 * editor, so nothing here may touch `window` or `document` at import time.
 * `src/shared/markdown.ts` converts between Markdown files and documents of
 * this schema; the renderer adds node views by `.extend()`-ing the exported
 * `RawBlock` / `RawInline` nodes.
 */
import { Extension, Node, getSchema, mergeAttributes } from '@tiptap/core'
import type { AnyExtension, Attribute } from '@tiptap/core'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import StarterKit from '@tiptap/starter-kit'

/** Names of the hidden attributes that tie a top-level block to the bytes it was parsed from. */
export const SOURCE_ATTRS = {
  /** Exact Markdown text the block was parsed from. */
  source: 'mdSource',
  /** Exact text between the previous top-level block (or the file start) and this block. */
  before: 'mdBefore',
  /** Offset of the block in the original file (tells whether two blocks were neighbours). */
  offset: 'mdOffset',
  /** Fingerprint of the block's content at parse time; a mismatch means "edited". */
  fingerprint: 'mdHash'
} as const

/** Hidden attributes that carry Markdown formatting the editor has no UI for. */
export const FORMAT_ATTRS = {
  /** On lists: the source list was loose (blank lines between items). */
  loose: 'mdLoose',
  /** On code blocks: the text after the language in the info string (```js title="x"). */
  codeMeta: 'mdMeta'
} as const

/** Hidden attributes on the `doc` node describing the file around its blocks. */
export const DOC_ATTRS = {
  /** Text after the last top-level block (usually the final newline). */
  trailing: 'mdTrailing',
  /** Offset where `mdTrailing` started, i.e. where the original last block ended. */
  end: 'mdEnd',
  /** Line ending of the file (`\n` or `\r\n`), used for blocks rendered anew. */
  lineEnding: 'mdEol'
} as const

/** Every attribute name above; none of them is ever rendered to or read from HTML. */
export const MARKDOWN_ATTR_NAMES: readonly string[] = [...Object.values(SOURCE_ATTRS), ...Object.values(FORMAT_ATTRS), ...Object.values(DOC_ATTRS)]

const LIST_TYPES = ['bulletList', 'orderedList', 'taskList']

/** Every block node type; any of them may end up at the top level of a document. */
export const BLOCK_TYPES = ['paragraph', 'heading', 'blockquote', 'codeBlock', 'horizontalRule', ...LIST_TYPES, 'listItem', 'taskItem', 'rawBlock']

// `rapport:` is a mention or a link between entries (shared/mentions.ts): the editor opens it inside the app, never in a browser.
const ALLOWED_LINK_PROTOCOLS = new Set(['http', 'https', 'mailto', 'rapport'])

/**
 * Whether a link target may become a clickable link: http, https, mailto,
 * rapport (a mention), or a reference without a scheme (relative path, `#fragment`). Anything else
 * (`javascript:`, `data:`, `file:`, …) is refused; Markdown links to such
 * targets are kept as raw inline source instead of a link mark.
 */
export function isAllowedLinkHref(href: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme
  // ("java\nscript:"), so strip them before looking for one.
  const compact = href.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  return scheme === null || ALLOWED_LINK_PROTOCOLS.has((scheme[1] ?? '').toLowerCase())
}

/** A hidden attribute: never rendered to HTML, never read from pasted HTML, dropped on split. */
function hiddenAttribute(): Attribute {
  return {
    default: null,
    rendered: false,
    keepOnSplit: false,
    parseHTML: () => null
  }
}

function hiddenAttributes(names: readonly string[]): Record<string, Attribute> {
  return Object.fromEntries(names.map((name) => [name, hiddenAttribute()]))
}

/** Adds the source-preservation attributes to block types and the doc. */
export const MarkdownSourceAttributes = Extension.create({
  name: 'markdownSourceAttributes',

  addGlobalAttributes() {
    return [
      { types: BLOCK_TYPES, attributes: hiddenAttributes(Object.values(SOURCE_ATTRS)) },
      { types: LIST_TYPES, attributes: hiddenAttributes([FORMAT_ATTRS.loose]) },
      { types: ['codeBlock'], attributes: hiddenAttributes([FORMAT_ATTRS.codeMeta]) },
      { types: ['doc'], attributes: hiddenAttributes(Object.values(DOC_ATTRS)) }
    ]
  }
})

function sourceOf(attrs: Record<string, unknown>): string {
  return typeof attrs.source === 'string' ? attrs.source : ''
}

/** Both raw nodes keep their Markdown as `source`: never rendered as an attribute, read back from the element's text. */
const rawSourceAttribute = {
  default: '',
  rendered: false,
  parseHTML: (element: HTMLElement) => element.textContent ?? ''
}

/**
 * A block of Markdown the editor has no node for (raw HTML, table, footnote
 * definition, link reference definition, …). It is shown and kept verbatim.
 */
export const RawBlock = Node.create({
  name: 'rawBlock',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return { source: rawSourceAttribute }
  },

  parseHTML() {
    return [{ tag: 'pre[data-raw-markdown]', priority: 60 }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['pre', mergeAttributes(HTMLAttributes, { 'data-raw-markdown': '', class: 'raw-markdown' }), sourceOf(node.attrs)]
  },

  renderText({ node }) {
    return sourceOf(node.attrs)
  }
})

/**
 * Inline Markdown the editor has no mark for (image, inline HTML, footnote
 * reference, reference-style link, …). It is shown and kept verbatim.
 */
export const RawInline = Node.create({
  name: 'rawInline',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return { source: rawSourceAttribute }
  },

  parseHTML() {
    // Above the `code` mark's rule, which would otherwise claim the element.
    return [{ tag: 'code[data-raw-markdown-inline]', priority: 60 }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'code',
      mergeAttributes(HTMLAttributes, {
        'data-raw-markdown-inline': '',
        class: 'raw-markdown-inline'
      }),
      sourceOf(node.attrs)
    ]
  },

  renderText({ node }) {
    return sourceOf(node.attrs)
  }
})

export const editorExtensions: AnyExtension[] = [
  StarterKit.configure({
    // Markdown has no underline; an underline mark could never be saved.
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      // The `protocols` option only *adds* schemes to linkify's built-ins, so
      // the restriction to http/https/mailto is enforced here instead.
      isAllowedUri: (url) => isAllowedLinkHref(url)
    }
  }),
  TaskList,
  TaskItem.configure({ nested: true }),
  RawBlock,
  RawInline,
  MarkdownSourceAttributes
]

export const editorSchema = getSchema(editorExtensions)
