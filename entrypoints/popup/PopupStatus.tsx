import { StatusLine } from '@/components/StatusLine';
import { failingChannels } from '@/lib/channels/health';
import type { PopupData } from '@/lib/storage/page-data';
import { CLAUDE_HOST_PERMISSION } from '@/lib/usage/host';
import type { OrgStatus } from '@/lib/usage/types';
import { ext } from './ext';

/**
 * The popup's status line with what its buttons do (allow access, open the options), loaded
 * after the first paint: none of it is needed before the bars.
 */
export function PopupStatus(props: {
  data: PopupData;
  failure: OrgStatus['lastError'];
  lastSuccessAt: number | null;
  stale: boolean;
  refreshing: boolean;
  now: number;
  onRefresh: () => Promise<void>;
}) {
  const { data } = props;
  const allowAccess = async () => {
    if (await ext.permissions.request({ origins: [CLAUDE_HOST_PERMISSION] }))
      await props.onRefresh();
  };
  return (
    <StatusLine
      failure={props.failure}
      lastSuccessAt={props.lastSuccessAt}
      nextPollAt={data.status.nextPollAt}
      stale={props.stale}
      refreshing={props.refreshing}
      now={props.now}
      onAllowAccess={() => void allowAccess()}
      storeFailing={!!data.status.storeError}
      failingChannels={failingChannels(data.deliveries, data.routes.channels)}
      onOpenOptions={() => void ext.runtime.openOptionsPage()}
    />
  );
}
