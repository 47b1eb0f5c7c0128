/**
 * The app's views, in the order they are shown. A feature adds its view here
 * with one line; App and the sidebar read these lists and nothing else.
 */
import type { ClientTab, GlobalView } from '@renderer/platform/views'
import { briefTab } from '@renderer/brief/views'
import { CommitmentsView } from '@renderer/relationship/CommitmentsView'
import { CommitmentsIcon, TodayIcon } from '@renderer/relationship/icons'
import { PeopleTab } from '@renderer/people/PeopleTab'
import { ProfileTab } from '@renderer/relationship/ProfileTab'
import { TimelineTab } from '@renderer/relationship/TimelineTab'
import { TodayView } from '@renderer/relationship/TodayView'
import { trashView } from '@renderer/safety/trash-view'
import { searchView } from '@renderer/search/views'
import { reflectionsTab, reflectionsView, templatesView } from '@renderer/templates/views'

export const globalViews: GlobalView[] = [
  searchView,
  { id: 'today', label: 'Today', icon: TodayIcon, component: TodayView },
  { id: 'commitments', label: 'Commitments', icon: CommitmentsIcon, component: CommitmentsView },
  templatesView,
  reflectionsView,
  trashView
]

export const clientTabs: ClientTab[] = [
  briefTab,
  { id: 'profile', label: 'Profile', component: ProfileTab },
  { id: 'people', label: 'People', component: PeopleTab },
  { id: 'timeline', label: 'Timeline', component: TimelineTab },
  reflectionsTab
]
