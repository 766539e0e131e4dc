/** What the hostile customer of add-hostile-conversation.ts writes, for the tests to look for. */
export const hostileCustomerName = 'Hostile <img src=x onerror=alert(1)>'
export const hostileTexts = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  arabic: 'مرحبا، هل هذا متوفر بالمقاس M؟ شكرا 🙏',
  longWord: 'W'.repeat(4096),
}
