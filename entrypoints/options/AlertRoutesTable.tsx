import { routeOn, type RouteTarget } from '@/lib/channels/routing';
import { ROUTED_EVENTS, type AlertRoutes, type RoutedEvent } from '@/lib/channels/types';
import { t } from '@/lib/display/i18n';
import type { Settings } from '@/lib/settings';
import { eventName } from './event-names';

/**
 * The one place that says which alert reaches the desktop and each channel. A cell shows what
 * the notifier will do (see `routeOn`); the Desktop column is greyed while desktop notifications
 * are off. It scrolls sideways inside its own box when many channels make it wide.
 */
export function AlertRoutesTable(props: {
  rules: Settings['notifications'];
  routes: AlertRoutes;
  onToggle: (event: RoutedEvent, target: RouteTarget, on: boolean) => void;
}) {
  const { rules, routes } = props;
  const targets: { key: string; name: string; target: RouteTarget }[] = [
    { key: 'desktop', name: t('chColDesktop'), target: 'desktop' },
    ...routes.channels.map((c) => ({ key: c.id, name: c.name, target: { channelId: c.id } })),
  ];
  return (
    <div class="table-scroll">
      <table class="routes">
        <caption class="visually-hidden">{t('chRoutesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chColAlert')}</th>
            {targets.map(({ key, name }) => (
              <th scope="col" key={key}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROUTED_EVENTS.map((event) => (
            <tr key={event}>
              <th scope="row">{eventName(event)}</th>
              {targets.map(({ key, name, target }) => (
                <td key={key}>
                  <input
                    type="checkbox"
                    aria-label={t('chToggleLabel', [eventName(event), name])}
                    checked={routeOn(rules, routes, event, target)}
                    disabled={
                      (target === 'desktop' && !rules.enabled) ||
                      // Its own switch (below) turns it on; until then its row only waits.
                      (event === 'unused' && !rules.useItOrLoseIt.enabled)
                    }
                    onChange={(e) => props.onToggle(event, target, e.currentTarget.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
