// What the popup loads right after its first paint, in one chunk: the bars wait for none of it.
export { PopupStatus } from './PopupStatus';
export { orgTitle } from '@/lib/accounts/accounts';
export { limitOutlook } from '@/lib/forecast/outlook';
export { OrgSwitcher } from '@/components/OrgSwitcher';
export { tightestOf } from '@/lib/badge/badge';
export { nextTryOf, refreshNow, refreshOnOpen } from './refresh';
export { formatDuration } from '@/lib/display/duration';
export { reminderFor as bell } from '@/components/ResetReminder';
export { storeSelectedOrg } from '@/lib/storage/raw';
export { dashboardPath } from '@/lib/display/dashboard-address';
