/**
 * Delivery statuses of a reply written on another device that reached this device before the
 * reply itself (the relay's inbox and the operation log travel apart). They wait here, by client
 * id, and are played onto the reply when its fact arrives, so every device ends with the same
 * status, and the same ledger confirmation, whatever arrived first.
 */
export const earlyStatusesSchema = `
CREATE TABLE early_statuses (
  client_id TEXT NOT NULL,
  status TEXT NOT NULL,
  -- The status event as the relay delivered it (wamid, time, errors, pricing): no customer text.
  event TEXT NOT NULL,
  PRIMARY KEY (client_id, status)
) STRICT;
`
