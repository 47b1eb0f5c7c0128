import type { GlobalView } from '@renderer/platform/views'
import { SearchIcon } from '@renderer/platform/ui/icons'
import { SearchView } from './SearchView'

export const searchView: GlobalView = { id: 'search', label: 'Search', icon: SearchIcon, component: SearchView }
