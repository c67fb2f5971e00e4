/** Height of the console's header bar; sticky table headers sit just below it. */
export const HEADER_HEIGHT = 48;
