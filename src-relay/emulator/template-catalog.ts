/**
 * The categories of the shop's templates, as the platform knows them after review. The
 * emulator has no review: a template it was not told about gets a category from its name, so a
 * demo shop can send any template it makes.
 */
import type { TemplateCategory } from '../../src-shared/pricing'

export interface TemplateCatalog {
  categoryOf(name: string): TemplateCategory
  set(name: string, category: TemplateCategory): void
}

export const demoTemplates: Readonly<Record<string, TemplateCategory>> = {
  hello_world: 'utility',
  order_update: 'utility',
  pesanan_dikirim: 'utility',
  payment_reminder: 'utility',
  still_interested: 'utility',
  promo_bulan_ini: 'marketing',
  weekend_sale: 'marketing',
  login_code: 'authentication',
}

export function createTemplateCatalog(
  known: Readonly<Record<string, TemplateCategory>> = demoTemplates,
): TemplateCatalog {
  const categories = new Map(Object.entries(known))
  return {
    categoryOf(name) {
      const category = categories.get(name)
      if (category) return category
      if (/promo|sale|diskon|discount|offer|marketing|newsletter/i.test(name)) return 'marketing'
      if (/otp|login|code|kode|verif|auth/i.test(name)) return 'authentication'
      return 'utility'
    },
    set: (name, category) => void categories.set(name, category),
  }
}
