import type {} from '@tiptap/starter-kit'
import type {} from '@tiptap/extension-list'
import { useEditorState } from '@tiptap/react'
import type { Editor } from '@tiptap/react'
import { useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { isMac } from '@renderer/platform/commands/shortcuts'
import {
  BoldIcon,
  BulletListIcon,
  CodeBlockIcon,
  CodeIcon,
  HeadingIcon,
  ItalicIcon,
  LinkIcon,
  NumberedListIcon,
  QuoteIcon,
  RuleIcon,
  StrikeIcon,
  TaskListIcon
} from '@renderer/platform/ui/icons'
import './editor.css'

interface Tool {
  label: string
  icon: ReactNode
  /** Editor keyboard shortcut, shown in the tooltip. */
  keys?: string
  run: (editor: Editor) => void
  /** Toggles report whether they are on where the cursor is; actions (a rule) have no state. */
  isActive?: (editor: Editor) => boolean
  group: number
}

const mod = isMac ? '⌘' : 'Ctrl+'
const shift = isMac ? '⇧' : 'Shift+'

const tools: Tool[] = [
  { group: 0, label: 'Bold', icon: <BoldIcon />, keys: `${mod}B`, run: (e) => e.chain().focus().toggleBold().run(), isActive: (e) => e.isActive('bold') },
  {
    group: 0,
    label: 'Italic',
    icon: <ItalicIcon />,
    keys: `${mod}I`,
    run: (e) => e.chain().focus().toggleItalic().run(),
    isActive: (e) => e.isActive('italic')
  },
  {
    group: 0,
    label: 'Strike',
    icon: <StrikeIcon />,
    keys: `${mod}${shift}S`,
    run: (e) => e.chain().focus().toggleStrike().run(),
    isActive: (e) => e.isActive('strike')
  },
  {
    group: 0,
    label: 'Inline code',
    icon: <CodeIcon />,
    keys: `${mod}E`,
    run: (e) => e.chain().focus().toggleCode().run(),
    isActive: (e) => e.isActive('code')
  },
  {
    group: 1,
    label: 'Heading',
    icon: <HeadingIcon />,
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    isActive: (e) => e.isActive('heading', { level: 2 })
  },
  {
    group: 1,
    label: 'Bullet list',
    icon: <BulletListIcon />,
    run: (e) => e.chain().focus().toggleBulletList().run(),
    isActive: (e) => e.isActive('bulletList')
  },
  {
    group: 1,
    label: 'Numbered list',
    icon: <NumberedListIcon />,
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    isActive: (e) => e.isActive('orderedList')
  },
  { group: 1, label: 'Task list', icon: <TaskListIcon />, run: (e) => e.chain().focus().toggleTaskList().run(), isActive: (e) => e.isActive('taskList') },
  { group: 1, label: 'Quote', icon: <QuoteIcon />, run: (e) => e.chain().focus().toggleBlockquote().run(), isActive: (e) => e.isActive('blockquote') },
  { group: 1, label: 'Code block', icon: <CodeBlockIcon />, run: (e) => e.chain().focus().toggleCodeBlock().run(), isActive: (e) => e.isActive('codeBlock') },
  { group: 2, label: 'Link', icon: <LinkIcon />, keys: `${mod}L`, run: () => undefined, isActive: (e) => e.isActive('link') },
  { group: 2, label: 'Horizontal rule', icon: <RuleIcon />, run: (e) => e.chain().focus().setHorizontalRule().run() }
]

/**
 * What the tools' state depends on at a cursor (an empty selection): the
 * blocks around it, a heading's level, and the marks typing would carry.
 * Null for a range, whose state is asked for each time.
 */
function cursorContext(editor: Editor): string | null {
  const { selection, storedMarks } = editor.state
  if (!selection.empty) return null
  const { $from } = selection
  const parts: string[] = []
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    parts.push(node.type.name === 'heading' ? `heading${String(node.attrs.level)}` : node.type.name)
  }
  for (const mark of storedMarks ?? $from.marks()) parts.push(`@${mark.type.name}`)
  return parts.join('/')
}

interface EditorToolbarProps {
  editor: Editor
  disabled: boolean
  onLink: () => void
}

/**
 * The formatting toolbar (WAI-ARIA toolbar: one Tab stop, arrow keys move).
 * It subscribes to just the marks and nodes at the cursor, so typing
 * re-renders it only when one of those changes.
 */
export function EditorToolbar({ editor, disabled, onLink }: EditorToolbarProps) {
  const lastActive = useRef<{ at: string | null; active: boolean[] } | null>(null)
  const active = useEditorState({
    editor,
    // Runs on every transaction, so on every typed key: asked again only when the cursor moves into other marks or blocks.
    selector: ({ editor: current }) => {
      const at = cursorContext(current)
      if (at !== null && lastActive.current?.at === at) return lastActive.current.active
      const fresh = tools.map((tool) => tool.isActive?.(current) ?? false)
      lastActive.current = { at, active: fresh }
      return fresh
    }
  })
  const [focusIndex, setFocusIndex] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (event: KeyboardEvent) => {
    const move: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: tools.length - 1 }
    const next = move[event.key]
    if (next === undefined) return
    event.preventDefault()
    const index = (next + tools.length) % tools.length
    setFocusIndex(index)
    buttons.current[index]?.focus()
  }

  return (
    <div role="toolbar" aria-label="Formatting" aria-orientation="horizontal" className="editor-toolbar" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => {
        const pressed = tool.isActive ? (active[index] ?? false) : undefined
        const separated = index > 0 && tools[index - 1]?.group !== tool.group
        return (
          <button
            key={tool.label}
            ref={(element) => {
              buttons.current[index] = element
            }}
            type="button"
            className={`tool-button ${separated ? 'separated' : ''}`}
            aria-label={tool.label}
            aria-pressed={pressed}
            title={tool.keys ? `${tool.label} (${tool.keys})` : tool.label}
            tabIndex={index === focusIndex ? 0 : -1}
            disabled={disabled}
            onFocus={() => setFocusIndex(index)}
            // Keep the editor's selection when the toolbar is clicked with a mouse.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => (tool.label === 'Link' ? onLink() : tool.run(editor))}
          >
            {tool.icon}
          </button>
        )
      })}
    </div>
  )
}
