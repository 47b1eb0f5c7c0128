/** The open entry: its editor pane and what must happen before it is replaced. */
export { EditorPane } from './EditorPane'
export type { EntryEditorHandle } from './EntryEditor'
export { useLeaveEntry } from './useLeaveEntry'
