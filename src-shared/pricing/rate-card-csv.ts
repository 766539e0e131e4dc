/**
 * Reads a rate card in the form Meta publishes it: a CSV with a header row (Market, Currency,
 * Marketing, Utility, Authentication, Authentication-International, Service) and one row per
 * market, often after a few title lines. Liberal in what it takes (any column order, `;` or tab
 * separators, `$0.0411`, `n/a`, quoted cells, a byte-order mark); every row it cannot use gets
 * its own error, and the rows it can use still make a card.
 */
import { type MarketId, marketIds, metaMarketNames } from '../markets/market-ids'
import { parseDecimal, roundHalfUp } from '../money/decimal'
import { type IsoDate, isIsoDate } from './iso-date'
import { type MarketRates, type RateCard, type RatesUsdMicros } from './rate-cards'

export type RateCardCsvErrorCode =
  | 'noHeader'
  | 'missingColumn'
  | 'noEffectiveDate'
  | 'unknownMarket'
  | 'duplicateMarket'
  | 'unsupportedCurrency'
  | 'missingRate'
  | 'badNumber'
  | 'noRows'

export interface RateCardCsvError {
  /** 1-based line of the file; null for problems of the whole file. */
  line: number | null
  code: RateCardCsvErrorCode
  /** English, for logs; the UI words it from `code` and the fields below. */
  message: string
  column?: string
  value?: string
}

export interface RateCardCsvResult {
  /** The rows that could be read; null when none could, or no effective date is known. */
  card: RateCard | null
  errors: RateCardCsvError[]
  /** Lines skipped as not part of the table: blank lines, titles, footnotes. */
  ignoredLines: number[]
}

export interface RateCardCsvOptions {
  /** The card's date; otherwise one found in the title lines (`Effective July 1, 2025`). */
  effectiveFrom?: IsoDate
  source?: string
}

type Column = 'market' | 'currency' | keyof MarketRates
const rateColumns = [
  'marketing',
  'utility',
  'authentication',
  'authenticationInternational',
  'service',
] as const satisfies readonly (keyof MarketRates)[]
const requiredRates = ['marketing', 'utility', 'authentication'] as const

interface CsvRecord {
  line: number
  cells: string[]
}

function readRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  const endCell = () => {
    cells.push(cell)
    cell = ''
  }
  const endRecord = () => {
    endCell()
    records.push({ line: recordLine, cells })
    cells = []
  }
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (char === '"') {
        quoted = false
      } else {
        if (char === '\n') line += 1
        cell += char
      }
    } else if (char === '"' && cell.trim() === '') {
      cell = ''
      quoted = true
    } else if (char === delimiter) {
      endCell()
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1
      endRecord()
      line += 1
      recordLine = line
    } else {
      cell += char
    }
  }
  if (cell !== '' || cells.length > 0) endRecord()
  return records
}

function words(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replaceAll('&', 'and')
    .replace(/[^a-z0-9]/g, '')
}

function columnOf(header: string): Column | null {
  const word = words(header)
  if (/^(authenticationinternational|authenticationintl|authinternational|authintl)/.test(word)) {
    return 'authenticationInternational'
  }
  if (word.startsWith('authentication') || word === 'auth') return 'authentication'
  if (word.startsWith('marketing')) return 'marketing'
  if (word.startsWith('utility')) return 'utility'
  if (word.startsWith('service')) return 'service'
  if (word.startsWith('currency')) return 'currency'
  if (word === 'market' || word === 'markets' || word.startsWith('marketname')) return 'market'
  if (word.startsWith('country') || word === 'region') return 'market'
  return null
}

const marketByWords: ReadonlyMap<string, MarketId> = new Map<string, MarketId>([
  ...marketIds.map((market): [string, MarketId] => [words(metaMarketNames[market]), market]),
  ['restofcentraleasterneurope', 'restOfCentralEasternEurope'],
  ['restofcee', 'restOfCentralEasternEurope'],
  ['restoflatam', 'restOfLatinAmerica'],
  ['restofapac', 'restOfAsiaPacific'],
  ['uae', 'unitedArabEmirates'],
  ['uk', 'unitedKingdom'],
  ['turkiye', 'turkey'],
])

type RateCell = { kind: 'absent' } | { kind: 'rate'; usdMicros: number } | { kind: 'bad' }

function readRate(raw: string): RateCell {
  let text = raw.trim()
  if (text === '' || /^(n\/?a|none|-|–|—)$/i.test(text)) return { kind: 'absent' }
  if (/^free$/i.test(text)) return { kind: 'rate', usdMicros: 0 }
  text = text
    .replace(/^(us\$|usd|\$)\s*/i, '')
    .replace(/\s*usd$/i, '')
    .trim()
  // A decimal comma, as spreadsheets in many locales write it.
  if (/^\d+,\d+$/.test(text)) text = text.replace(',', '.')
  if (!/^\d*\.?\d+$/.test(text)) return { kind: 'bad' }
  const decimal = parseDecimal(text)
  if (decimal === null) return { kind: 'bad' }
  const units = roundHalfUp(decimal, 6).units
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return { kind: 'bad' }
  return { kind: 'rate', usdMicros: Number(units) }
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function isoDate(year: number, month: number, day: number): IsoDate | null {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isIsoDate(date) ? date : null
}

/** A date in the title lines: `2025-07-01`, `July 1, 2025` or `1 July 2025`. */
function findDate(text: string): IsoDate | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const monthFirst = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(text)
  const dayFirst = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(text)
  const candidates = [
    monthFirst && { monthName: monthFirst[1], day: monthFirst[2], year: monthFirst[3] },
    dayFirst && { monthName: dayFirst[2], day: dayFirst[1], year: dayFirst[3] },
  ]
  for (const candidate of candidates) {
    if (!candidate?.monthName || !candidate.day || !candidate.year) continue
    const month = months.indexOf(candidate.monthName.toLowerCase()) + 1
    if (month > 0) return isoDate(Number(candidate.year), month, Number(candidate.day))
  }
  return null
}

function findHeader(
  text: string,
): { records: CsvRecord[]; headerIndex: number; columns: (Column | null)[] } | null {
  for (const delimiter of [',', ';', '\t']) {
    const records = readRecords(text, delimiter)
    const headerIndex = records.findIndex((record) => {
      const columns = record.cells.map(columnOf)
      return columns.includes('market') && columns.includes('marketing')
    })
    const header = records[headerIndex]
    if (header) return { records, headerIndex, columns: header.cells.map(columnOf) }
  }
  return null
}

export function parseRateCardCsv(
  text: string,
  options: RateCardCsvOptions = {},
): RateCardCsvResult {
  const errors: RateCardCsvError[] = []
  const ignoredLines: number[] = []
  const found = findHeader(text.replace(/^\uFEFF/, ''))
  if (!found) {
    errors.push({
      line: null,
      code: 'noHeader',
      message: 'no header row with Market and Marketing columns',
    })
    return { card: null, errors, ignoredLines }
  }
  const { records, headerIndex, columns } = found
  const header = records[headerIndex]

  const missing = requiredRates.filter((column) => !columns.includes(column))
  if (missing.length > 0) {
    for (const column of missing) {
      errors.push({
        line: header?.line ?? null,
        code: 'missingColumn',
        message: `no ${column} column`,
        column,
      })
    }
    return { card: null, errors, ignoredLines }
  }

  const titleLines = records.slice(0, headerIndex)
  ignoredLines.push(...titleLines.map((record) => record.line))
  const effectiveFrom =
    options.effectiveFrom ?? findDate(titleLines.map((record) => record.cells.join(' ')).join('\n'))

  const cellOf = (record: CsvRecord, column: Column): string => {
    const index = columns.indexOf(column)
    return index < 0 ? '' : (record.cells[index] ?? '')
  }

  const rates: RatesUsdMicros = {}
  for (const record of records.slice(headerIndex + 1)) {
    const marketText = cellOf(record, 'market').trim()
    const cells = rateColumns.map((column) => ({ column, cell: readRate(cellOf(record, column)) }))
    const noRates = cells.every(({ cell }) => cell.kind === 'absent')
    const market = marketByWords.get(words(marketText))
    if (!market) {
      // Blank lines and footnotes carry no rates; a named row with rates is a real problem.
      if (noRates || marketText === '') {
        ignoredLines.push(record.line)
        continue
      }
      errors.push({
        line: record.line,
        code: 'unknownMarket',
        message: `unknown market "${marketText}"`,
        value: marketText,
      })
      continue
    }
    const rowErrors: RateCardCsvError[] = []
    const currency = cellOf(record, 'currency').trim()
    if (currency !== '' && words(currency) !== 'usd') {
      rowErrors.push({
        line: record.line,
        code: 'unsupportedCurrency',
        message: `${marketText}: rates in ${currency}; Kedai keeps rate cards in USD`,
        column: 'currency',
        value: currency,
      })
    }
    const row: Partial<MarketRates> = {}
    for (const { column, cell } of cells) {
      const raw = cellOf(record, column).trim()
      if (cell.kind === 'bad') {
        rowErrors.push({
          line: record.line,
          code: 'badNumber',
          message: `${marketText}: ${column} "${raw}" is not a price`,
          column,
          value: raw,
        })
      } else if (cell.kind === 'rate') {
        row[column] = cell.usdMicros
      } else if ((requiredRates as readonly string[]).includes(column)) {
        rowErrors.push({
          line: record.line,
          code: 'missingRate',
          message: `${marketText}: no ${column} rate`,
          column,
        })
      }
    }
    if (rates[market] && rowErrors.length === 0) {
      rowErrors.push({
        line: record.line,
        code: 'duplicateMarket',
        message: `${marketText}: a second row for the same market`,
        value: marketText,
      })
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors)
      continue
    }
    const { marketing = 0, utility = 0, authentication = 0, ...optional } = row
    rates[market] = { marketing, utility, authentication, ...optional }
  }

  if (Object.keys(rates).length === 0) {
    errors.push({ line: null, code: 'noRows', message: 'no market row could be read' })
    return { card: null, errors, ignoredLines }
  }
  if (!effectiveFrom || !isIsoDate(effectiveFrom)) {
    errors.push({
      line: null,
      code: 'noEffectiveDate',
      message: 'no effective date given or found in the title lines',
    })
    return { card: null, errors, ignoredLines }
  }
  return {
    card: {
      effectiveFrom,
      ...(options.source === undefined ? {} : { source: options.source }),
      ratesUsdMicros: rates,
    },
    errors,
    ignoredLines,
  }
}
