// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertRoutesTable } from '../../../../entrypoints/options/AlertRoutesTable';
import { ChannelsPanel } from '../../../../entrypoints/options/ChannelsPanel';
import { routesItem } from '../../../../lib/storage/items';
import {
  DEFAULT_CHANNEL_EVENTS,
  DEFAULT_ROUTES,
  type Channel,
} from '../../../../lib/channels/types';
import { DEFAULT_SETTINGS } from '../../../../lib/settings';

/** The options page's channel panel with the browser's permission prompt answered by `answer`. */
function setup(answer: Promise<boolean>) {
  // fakeBrowser types these as returning nothing; the real API answers with a boolean.
  const request = vi
    .spyOn(fakeBrowser.permissions, 'request')
    .mockImplementation((() => answer) as never);
  const remove = vi
    .spyOn(fakeBrowser.permissions, 'remove')
    .mockImplementation((() => Promise.resolve(true)) as never);
  render(<ChannelsPanel />);
  return { request, remove };
}

async function addNtfy(topic: string) {
  // The form folds away behind its button until asked for.
  expect(screen.queryByLabelText('Topic')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Add a channel' }));
  fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Phone' } });
  fireEvent.input(screen.getByLabelText('Topic'), { target: { value: topic } });
  fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
}

const formStatus = () => document.querySelector('.channel-form [role=status]')!.textContent;

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('confirm', () => true);
});
afterEach(cleanup);

describe('ChannelsPanel', () => {
  it('asks for the channel’s host from the click and adds it when allowed', async () => {
    const { request } = setup(Promise.resolve(true));
    await addNtfy('my-topic');
    expect(request).toHaveBeenCalledWith({ origins: ['https://ntfy.sh/*'] });
    await waitFor(() => expect(formStatus()).toContain('Added “Phone”'));
    const routes = await routesItem.getValue();
    expect(routes.channels).toHaveLength(1);
    expect(routes.channels[0]).toMatchObject({ type: 'ntfy', topic: 'my-topic', enabled: true });
    expect(await screen.findByText('https://ntfy.sh/my•••')).toBeTruthy();
  });

  it('adds nothing and says why when the person refuses', async () => {
    setup(Promise.resolve(false));
    await addNtfy('my-topic');
    await waitFor(() => expect(formStatus()).toContain('Not added'));
    expect(formStatus()).toContain('https://ntfy.sh/*');
    expect((await routesItem.getValue()).channels).toEqual([]);
  });

  it('says it is waiting while the prompt is open, and adds nothing yet', async () => {
    setup(new Promise<boolean>(() => undefined));
    await addNtfy('my-topic');
    await waitFor(() => expect(formStatus()).toContain('Waiting for your answer'));
    expect((await routesItem.getValue()).channels).toEqual([]);
  });

  it('folds the form away on Cancel and gives the focus back to its button', () => {
    setup(Promise.resolve(true));
    fireEvent.click(screen.getByRole('button', { name: 'Add a channel' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Kind'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Kind')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a channel' }));
  });

  it('asks for nothing when the form has an error', async () => {
    const { request } = setup(Promise.resolve(true));
    await addNtfy('not a topic');
    expect(await screen.findByText('Letters, digits, - and _, up to 64.')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('greys the Desktop column while desktop notifications are off', () => {
    const table = (enabled: boolean) => (
      <AlertRoutesTable
        rules={{ ...DEFAULT_SETTINGS.notifications, enabled }}
        routes={DEFAULT_ROUTES}
        onToggle={() => undefined}
      />
    );
    render(table(false));
    const desktop = screen.getByRole('checkbox', { name: 'Near a limit → Desktop' });
    expect((desktop as HTMLInputElement).disabled).toBe(true);
    cleanup();
    render(table(true));
    const enabled = screen.getByRole('checkbox', { name: 'Near a limit → Desktop' });
    expect((enabled as HTMLInputElement).disabled).toBe(false);
  });

  it('gives a host up only when its last channel is removed', async () => {
    const channel = (id: string, name: string): Channel => ({
      id,
      name,
      enabled: true,
      events: DEFAULT_CHANNEL_EVENTS,
      type: 'ntfy',
      server: 'https://ntfy.sh',
      topic: id,
      token: '',
    });
    await routesItem.setValue({
      ...DEFAULT_ROUTES,
      channels: [channel('a', 'Phone'), channel('b', 'Tablet')],
    });
    const { remove } = setup(Promise.resolve(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Phone' }));
    await waitFor(async () => expect((await routesItem.getValue()).channels).toHaveLength(1));
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Tablet' }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ origins: ['https://ntfy.sh/*'] }));
    expect((await routesItem.getValue()).channels).toEqual([]);
  });
});
