/**
 * The ledger read by message: a message's latest entry (its cost), and a customer's spend so far,
 * without scanning every entry of the shop.
 */
export const ledgerByMessageSchema = `
CREATE INDEX ledger_by_message ON ledger(message_id);
`
