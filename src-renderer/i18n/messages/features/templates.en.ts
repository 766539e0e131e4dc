/** English texts for quick replies and message templates. */
export const templatesEn = {
  title: 'Templates',
  empty: 'No templates yet',
  emptyHint:
    'Templates let you write to a customer more than 24 hours after their last message. Creating them comes in a later version.',
}
