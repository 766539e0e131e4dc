/**
 * Days and months as the shop lives them: on this computer's clock (the shop's own time zone),
 * as epoch-ms ranges [from, to).
 */
export interface Period {
  fromAt: number
  toAt: number
}

export function dayOf(at: number): Period {
  const date = new Date(at)
  const fromAt = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
  const toAt = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime()
  return { fromAt, toAt }
}

/** `YYYY-MM` of an instant, on the local clock. */
export function monthKeyOf(at: number): string {
  const date = new Date(at)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
}

export function monthPeriod(month: string): Period & { days: number } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const fromAt = new Date(year, monthNumber - 1, 1).getTime()
  const toAt = new Date(year, monthNumber, 1).getTime()
  return { fromAt, toAt, days: new Date(year, monthNumber, 0).getDate() }
}

/** `YYYY-MM-DD` of an instant, on the local clock. */
export function localDateOf(at: number): string {
  const date = new Date(at)
  return `${monthKeyOf(at)}-${String(date.getDate()).padStart(2, '0')}`
}
