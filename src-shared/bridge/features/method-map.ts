/** The shape every feature's part of the contract has: params and result schemas per method. */
import type { z } from 'zod'

export type MethodMap = Record<string, { params: z.ZodType; result: z.ZodType }>
export type EventMap = Record<string, z.ZodType>
