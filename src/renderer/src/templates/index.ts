/** Templates and reflections: the picker, the prompts' extras in the editor, the templates and reflections views. */
export { focusFirstAnswer } from './focus-first-answer'
export { ReflectionCommand } from './ReflectionCommand'
export { TemplateExtras } from './TemplateExtras'
export { reflectionsTab, reflectionsView, templatesView } from './views'
