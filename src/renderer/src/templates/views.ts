import type { ClientTab, GlobalView } from '@renderer/platform/views'
import { ReflectionsIcon, TemplatesIcon } from './icons'
import { ReflectionsTab, ReflectionsView } from './ReflectionsPanel'
import { TemplatesView } from './TemplatesView'

/** The app-wide "Templates" view (built-ins and the person's own). */
export const templatesView: GlobalView = { id: 'templates', label: 'Templates', icon: TemplatesIcon, component: TemplatesView }
/** Reflections over time for every client. */
export const reflectionsView: GlobalView = { id: 'reflections', label: 'Reflections', icon: ReflectionsIcon, component: ReflectionsView }
/** Reflections over time for the selected client. */
export const reflectionsTab: ClientTab = { id: 'reflections', label: 'Reflections', component: ReflectionsTab }
