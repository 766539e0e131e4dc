/**
 * The customer's time zone, only where the country alone says it: a country with one zone
 * (Singapore, India, the United Kingdom). Indonesia, Brazil, Mexico or the United States span
 * several, and a guess would be wrong for many customers, so those get none.
 */
type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] }

const known = new Map<string, string | null>()

export function singleTimeZoneOf(country: string | null): string | null {
  if (country === null || !/^[A-Z]{2}$/i.test(country)) return null
  const code = country.toUpperCase()
  if (known.has(code)) return known.get(code) ?? null
  let zone: string | null = null
  try {
    // Newer engines have getTimeZones(); older ones the timeZones getter of the same proposal.
    const locale = new Intl.Locale(`und-${code}`) as LocaleWithZones
    const zones =
      typeof locale.getTimeZones === 'function' ? locale.getTimeZones() : locale.timeZones
    zone = zones?.length === 1 ? (zones[0] ?? null) : null
  } catch {
    zone = null
  }
  known.set(code, zone)
  return zone
}
