/** The host access the extension holds (the manifest's one host permission). */
export const CLAUDE_HOST_PERMISSION = 'https://claude.ai/*';
