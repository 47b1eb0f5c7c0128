import type { Editor } from '@tiptap/react'
import { useState } from 'react'
import type { ReactNode } from 'react'
import { LinkDialog } from './LinkDialog'

/** "Add link" (the toolbar button, Ctrl/Cmd+L): the dialog, and applying or removing what it gives back. */
export function useLinkDialog(editor: Editor): { openLinkDialog: (current: Editor) => void; linkDialog: ReactNode } {
  const [open, setOpen] = useState<{ url: string } | null>(null)

  const openLinkDialog = (current: Editor) => {
    if (!current.isEditable) return
    const href: unknown = current.getAttributes('link').href
    setOpen({ url: typeof href === 'string' ? href : '' })
  }

  const linkDialog = open && (
    <LinkDialog
      initialUrl={open.url}
      restoreFocus={() => editor.commands.focus()}
      onClose={() => setOpen(null)}
      onApply={(url) => {
        setOpen(null)
        const chain = editor.chain().focus()
        if (editor.state.selection.empty && !editor.isActive('link')) {
          chain.insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run()
        } else {
          chain.extendMarkRange('link').setLink({ href: url }).run()
        }
      }}
      onRemove={
        open.url
          ? () => {
              setOpen(null)
              editor.chain().focus().extendMarkRange('link').unsetLink().run()
            }
          : null
      }
    />
  )
  return { openLinkDialog, linkDialog }
}
