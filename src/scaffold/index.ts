// The pure templates of `careerdeck new`: text in, text out, no file system.
export { deckTemplate } from './deck.js';
export { commonHeadings, DEFAULT_ROLE_HEADINGS, headingsOf, sectionIdsOf } from './headings.js';
export { isSlug, MAX_SHORT, MAX_TITLE, shortLabel, slugFor, titleProblem } from './names.js';
export { roleTemplate } from './role.js';
export { type RoleSource, roleSources } from './sources.js';
export { draftRoleTemplate } from './draft-role.js';
