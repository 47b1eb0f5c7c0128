import { monotonicFactory } from 'ulid'

const nextUlid = monotonicFactory()

/** Ids are ULIDs with a prefix saying what they name: sortable by time, unique without coordination. */
export const newId = (prefix: 'c' | 'e' | 'k' | 'i' | 'p' | 'q'): string => `${prefix}_${nextUlid()}`
