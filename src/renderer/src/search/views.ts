import type { GlobalView } from '@renderer/app/views'
import { SearchIcon } from '@renderer/ui/icons'
import { SearchView } from './SearchView'

export const searchView: GlobalView = { id: 'search', label: 'Search', icon: SearchIcon, component: SearchView }
