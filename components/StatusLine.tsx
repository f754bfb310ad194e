import type { FailingChannel } from '@/lib/channels/health';
import { t } from '@/lib/display/i18n';
import { statusText, type StatusTextInput } from '@/lib/display/status-text';

export interface StatusLineProps extends StatusTextInput {
  onAllowAccess?: () => void;
  /** Readings cannot be stored (e.g. the disk is full): said on a line of its own. */
  storeFailing?: boolean;
  /** Alert channels whose latest delivery failed, newest first: said on a line of their own. */
  failingChannels?: FailingChannel[];
  onOpenOptions?: () => void;
}

/** What we know and how fresh it is, in plain words, with what to do when something is wrong. */
export function StatusLine(props: StatusLineProps) {
  const failing = props.failingChannels ?? [];
  const problem = props.failure || props.storeFailing || failing.length > 0;
  return (
    <p class={`status${problem ? ' status-problem' : ''}`} role="status">
      <StatusText {...props} />
      {props.storeFailing && <span class="status-store">{t('statusStoreFailing')}</span>}
      {failing.length > 0 && (
        <span class="status-store">
          {failing.length === 1
            ? t('statusChannelFailing', [failing[0]!.name, failing[0]!.error])
            : t('statusChannelsFailing', failing.length)}{' '}
          <button type="button" class="link-button" onClick={props.onOpenOptions}>
            {t('statusCheckChannels')}
          </button>
        </span>
      )}
    </p>
  );
}

function StatusText(props: StatusLineProps) {
  const { text, action } = statusText(props);
  if (!action) return <>{text}</>;
  return (
    <>
      {text}{' '}
      {action.kind === 'link' ? (
        <a href={action.href} target="_blank" rel="noreferrer">
          {action.label}
        </a>
      ) : (
        <button type="button" class="link-button" onClick={props.onAllowAccess}>
          {action.label}
        </button>
      )}
    </>
  );
}
