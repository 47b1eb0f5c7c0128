/** The relationship with a client: Today, commitments, profile, timeline, stage and trust, coaching. */
export { ClientIndicators } from './ClientIndicators'
export { ClientListOptions } from './ClientListOptions'
export { arrangeClients } from './client-order'
export type { ClientShow, ClientSort } from './client-order'
export { MakeCommitmentButton } from './MakeCommitmentButton'
export { AutosaveTextField } from './profile-fields'
export { RelationshipCommands } from './RelationshipCommands'
export { commitmentsView, profileTab, timelineTab, todayView } from './views'
