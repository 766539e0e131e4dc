/**
 * The platform's day-ahead warning that it will move a template to another category (and so to
 * another price): the category to come and when, until it is done.
 */
export const upcomingCategorySchema = `
ALTER TABLE templates ADD COLUMN upcoming_category TEXT;
ALTER TABLE templates ADD COLUMN upcoming_category_at INTEGER;
`
