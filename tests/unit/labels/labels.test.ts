/** The label rules the app and core share: names, limits and WhatsApp Business's defaults. */
import { describe, expect, it } from 'vitest'
import {
  defaultLabels,
  labelNameProblem,
  maximumLabelNameLength,
  maximumLabels,
  tidyLabelName,
} from '../../../src-shared/labels/labels'

describe('labels', () => {
  it('start with WhatsApp Business’s five defaults, in English and Indonesian', () => {
    expect(defaultLabels.map((label) => label.names.en)).toEqual([
      'New customer',
      'New order',
      'Pending payment',
      'Paid',
      'Order complete',
    ])
    expect(defaultLabels.every((label) => label.names.id.length > 0)).toBe(true)
    expect(maximumLabels).toBe(20)
  })

  it('tidy names and say what is wrong with one', () => {
    expect(tidyLabelName('  Sudah   kirim ')).toBe('Sudah kirim')
    const others = [{ name: 'Paid' }]
    expect(labelNameProblem('   ', others)).toBe('empty')
    expect(labelNameProblem('x'.repeat(maximumLabelNameLength + 1), others)).toBe('tooLong')
    expect(labelNameProblem('🛍️'.repeat(maximumLabelNameLength / 2), others)).toBeNull()
    expect(labelNameProblem(' paid ', others)).toBe('taken')
    expect(labelNameProblem('Reseller', others)).toBeNull()
  })
})
