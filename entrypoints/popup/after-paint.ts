// What the popup loads right after its first paint, in one chunk: the bars wait for none of it.
export { StatusLine } from '@/components/StatusLine';
export { failingChannels } from '@/lib/channels/health';
export { limitOutlook } from '@/lib/outlook';
export { OrgSwitcher } from '@/components/OrgSwitcher';
export { badgeLimit } from '@/lib/badge';
export { ResetReminder } from '@/components/ResetReminder';
