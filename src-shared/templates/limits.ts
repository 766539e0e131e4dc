/**
 * The platform's limits for templates, as data so a change by Meta is one edit (or a setting)
 * rather than a hunt through rules. Sources, checked Nov 2026:
 * - Meta, "Template components" (developers.facebook.com/documentation/business-messaging/
 *   whatsapp/templates/components): text header 60 characters with 1 parameter; body 1,024;
 *   footer 60; at most 10 buttons; quick replies grouped apart from other buttons.
 * - Meta, "Template fundamentals" (.../whatsapp/templates/overview): name, language, category,
 *   `parameter_format` POSITIONAL or NAMED.
 * - Partners republishing Meta's rules (docs.gupshup.io template-button-list, Braze "WhatsApp
 *   message and image formats"): at most 2 URL buttons and 1 phone number button; button labels
 *   25 characters; phone number 20; URL 2,000 with one variable appended at its end; name 512
 *   characters of lowercase letters, digits and underscores; one copy code button.
 * - Sinch WhatsApp text message notes: a template whose only component is the body may carry up
 *   to 32,768 characters once filled.
 * The copy code limit (15 characters) is Meta's example field limit as remembered from its docs;
 * no source at hand restated it.
 */
export const templateLimits = {
  nameLength: 512,
  bodyLength: 1024,
  headerTextLength: 60,
  headerVariables: 1,
  footerLength: 60,
  buttons: 10,
  urlButtons: 2,
  phoneNumberButtons: 1,
  copyCodeButtons: 1,
  buttonTextLength: 25,
  urlLength: 2000,
  phoneNumberLength: 20,
  copyCodeLength: 15,
  /** A body parameter's value when the template has a header, footer or buttons. */
  bodyParameterLength: 1024,
  /** A body parameter's value when the body is the template's only component. */
  bodyOnlyParameterLength: 32768,
  headerParameterLength: 60,
} as const

export type TemplateLimits = { readonly [K in keyof typeof templateLimits]: number }
