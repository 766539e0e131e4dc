/** What the renderer may know about the vault: its state, never a key. */
import { z } from 'zod'

export const vaultStates = ['new', 'locked', 'unlocked', 'damaged'] as const
export type VaultState = (typeof vaultStates)[number]

export const backupInfoSchema = z.object({ fileName: z.string(), createdAt: z.number() })
export type BackupInfo = z.infer<typeof backupInfoSchema>

export const vaultStatusSchema = z.object({
  state: z.enum(vaultStates),
  /** Only while unlocked: the shop's name is sealed like everything else. */
  shopName: z.string().nullable(),
  /** Why the database could not be opened, when state is `damaged`. */
  damage: z.string().nullable(),
  latestBackup: backupInfoSchema.nullable(),
  remembered: z.boolean(),
  /** Whether "remember on this computer" can be offered here, and if not, why. */
  keychain: z.object({ available: z.boolean(), reason: z.string().nullable() }),
})
export type VaultStatus = z.infer<typeof vaultStatusSchema>

export const tamperReportSchema = z.object({
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
})
export type TamperReport = z.infer<typeof tamperReportSchema>
