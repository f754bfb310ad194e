/**
 * Alert channels beyond this computer: Slack, Discord, ntfy, Pushover, Matrix and any HTTP webhook. A channel is a
 * destination the person configured; the alert rules decide *what* to say, the routes decide
 * *where* (desktop, channels, or both).
 */
import type { AudienceRules } from '../alerts/audience';

/** The alert rules whose notices can be routed. */
export const ROUTED_EVENTS = [
  'threshold',
  'reached',
  'reset',
  'forecast',
  'unused',
  'signed_out',
] as const;
export type RoutedEvent = (typeof ROUTED_EVENTS)[number];
/** What a delivery was about: a routed event, or the "Send test" button. */
export type DeliveryEvent = RoutedEvent | 'test';

export type ChannelType = 'slack' | 'discord' | 'ntfy' | 'pushover' | 'matrix' | 'webhook';

export interface Header {
  name: string;
  value: string;
}

interface ChannelBase {
  /** Stable id, made when the channel is added. */
  id: string;
  /** The person's name for it ("Phone", "Team channel"). */
  name: string;
  enabled: boolean;
  /** Which alert rules go to this channel. */
  events: Record<RoutedEvent, boolean>;
  /** Its own thresholds and limits, or the global ones (absent in routes stored before them). */
  rules?: AudienceRules;
}

export interface SlackChannel extends ChannelBase {
  type: 'slack';
  /** Incoming webhook URL: a secret. */
  url: string;
}

export interface DiscordChannel extends ChannelBase {
  type: 'discord';
  /** Webhook URL: a secret. */
  url: string;
}

export interface NtfyChannel extends ChannelBase {
  type: 'ntfy';
  /** e.g. https://ntfy.sh or a self-hosted server. */
  server: string;
  topic: string;
  /** Access token for a protected topic: a secret. Empty when none. */
  token: string;
}

export interface WebhookChannel extends ChannelBase {
  type: 'webhook';
  /** May hold a secret (a token in the path or query). */
  url: string;
  method: 'POST' | 'GET';
  /** Header values may hold secrets (Authorization). */
  headers: Header[];
  /** Body for POST with `{placeholders}`; ignored for GET (placeholders go in the URL instead). */
  bodyTemplate: string;
}

export interface PushoverChannel extends ChannelBase {
  type: 'pushover';
  /** Pushover's API (`https://api.pushover.net`), or a compatible server the person runs. */
  server: string;
  /** The application's API token: a secret. */
  appToken: string;
  /** The person's (or group's) user key: a secret. */
  userKey: string;
  /** Device names, comma-separated; empty for all of the person's devices. */
  device: string;
  /** −2 (no alert) … 2 (emergency, repeated until acknowledged). */
  priority: -2 | -1 | 0 | 1 | 2;
  /** A Pushover sound name; empty for the person's default. */
  sound: string;
}

export interface MatrixChannel extends ChannelBase {
  type: 'matrix';
  /** The homeserver's client-server API base, e.g. https://matrix.org. */
  homeserver: string;
  /** The (bot) account's access token: a secret. */
  accessToken: string;
  /** A room id (`!abc:server`) or alias (`#room:server`, looked up before each send). */
  room: string;
}

export type Channel =
  SlackChannel | DiscordChannel | NtfyChannel | PushoverChannel | MatrixChannel | WebhookChannel;

/** Where each alert rule goes. Kept in `storage.local` only: it holds secrets, never synced. */
export interface AlertRoutes {
  /** Desktop notifications per rule (the master switch is `settings.notifications.enabled`). */
  desktop: Record<RoutedEvent, boolean>;
  /** The desktop's own thresholds and limits, or the global ones (absent before them). */
  desktopRules?: AudienceRules;
  channels: Channel[];
}

const ALL_EVENTS: Record<RoutedEvent, boolean> = {
  threshold: true,
  reached: true,
  reset: true,
  forecast: true,
  unused: true,
  signed_out: true,
};

export const DEFAULT_ROUTES: AlertRoutes = { desktop: { ...ALL_EVENTS }, channels: [] };

/** A new channel's events: everything except the chattier reset, forecast and unused messages. */
export const DEFAULT_CHANNEL_EVENTS: Record<RoutedEvent, boolean> = {
  ...ALL_EVENTS,
  reset: false,
  forecast: false,
  unused: false,
};

/** What an alert says, with the values the webhook template's placeholders take. */
export interface AlertPayload {
  event: DeliveryEvent;
  title: string;
  message: string;
  /** The limit's label ("5-hour session"), empty when the alert is about no limit. */
  limit: string;
  /** The limit's rounded percent now, or null. */
  percent: number | null;
  /** ISO time the limit resets, or empty. */
  resetsAt: string;
  /** The organisation's name, or empty. */
  organization: string;
}

/** One delivery's outcome, as the options page's log shows it (newest first, 50 kept). */
export interface DeliveryRecord {
  at: number;
  channelId: string;
  channelName: string;
  event: DeliveryEvent;
  ok: boolean;
  /** The final HTTP status, when an answer came. */
  status?: number;
  /** What went wrong, in words, when it failed. */
  error?: string;
  attempts: number;
}

export const DELIVERY_LOG_SIZE = 50;

/** One HTTP request a channel's message becomes. */
export interface HttpRequest {
  url: string;
  method: 'POST' | 'GET' | 'PUT';
  headers: Record<string, string>;
  body?: string;
}
