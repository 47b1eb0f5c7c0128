/** The brief: a client's one-page preparation for a call. */
export { BriefCommand } from './BriefCommand'
export { briefTab } from './views'
