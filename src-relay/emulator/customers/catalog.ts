/** The demo shop's catalog, which simulated customers ask about and order from. */

export const demoCatalogId = '1537306753795011'

export interface Product {
  retailerId: string
  id: string
  en: string
  /** Rupiah, the shop's currency. */
  priceIdr: number
}

export const products: readonly Product[] = [
  { retailerId: 'BATIK-M-01', id: 'kemeja batik', en: 'batik shirt', priceIdr: 185_000 },
  { retailerId: 'TAS-ROTAN-02', id: 'tas rotan', en: 'rattan bag', priceIdr: 240_000 },
  { retailerId: 'KOPI-GAYO-250', id: 'kopi Gayo 250 g', en: 'Gayo coffee 250 g', priceIdr: 95_000 },
  { retailerId: 'SAMBAL-ROA', id: 'sambal roa', en: 'roa chilli sambal', priceIdr: 45_000 },
  { retailerId: 'TENUN-SUMBA', id: 'kain tenun Sumba', en: 'Sumba woven cloth', priceIdr: 650_000 },
  { retailerId: 'SANDAL-KULIT-40', id: 'sandal kulit', en: 'leather sandals', priceIdr: 210_000 },
]
