import type { ClientTab } from '@renderer/platform/views'
import { PeopleTab } from './PeopleTab'

export const peopleTab: ClientTab = { id: 'people', label: 'People', component: PeopleTab }
