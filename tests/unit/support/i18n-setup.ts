// Unit tests run without a browser i18n API: `t()` formats from the English messages, so tests
// read the same text an English-speaking person sees.
import english from '../../../public/_locales/en/messages.json';
import { useFallbackMessages } from '../../../lib/display/i18n';

useFallbackMessages(english);
