import type { GlobalView } from '@renderer/platform/views'
import { TrashIcon } from '@renderer/platform/ui/icons'
import { TrashView } from './TrashView'

/** The app-wide "Trash" view (with any conflicting copies above the deleted things). */
export const trashView: GlobalView = { id: 'trash', label: 'Trash', icon: TrashIcon, component: TrashView }
