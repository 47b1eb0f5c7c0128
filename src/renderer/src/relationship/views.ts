import type { ClientTab, GlobalView } from '@renderer/platform/views'
import { CommitmentsView } from './CommitmentsView'
import { CommitmentsIcon, TodayIcon } from './icons'
import { ProfileTab } from './ProfileTab'
import { TimelineTab } from './TimelineTab'
import { TodayView } from './TodayView'

export const todayView: GlobalView = { id: 'today', label: 'Today', icon: TodayIcon, component: TodayView }
export const commitmentsView: GlobalView = { id: 'commitments', label: 'Commitments', icon: CommitmentsIcon, component: CommitmentsView }
export const profileTab: ClientTab = { id: 'profile', label: 'Profile', component: ProfileTab }
export const timelineTab: ClientTab = { id: 'timeline', label: 'Timeline', component: TimelineTab }
