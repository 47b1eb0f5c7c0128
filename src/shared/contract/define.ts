import { z } from 'zod'

/** A phantom marker for a channel's result type; it carries no runtime value. */
export const returns = <T>(): T => undefined as T

export const id = z.string().trim().min(1, 'An id is required.').max(200)
