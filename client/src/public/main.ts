import { setLang } from '#client/src/shared/localize.js';
import { parseUrl } from './url-state.js';

// Load the catalogue before the first render, so a Vietnamese page never flashes English.
void setLang(parseUrl(location.href).lang).finally(() => import('./components/app-shell.js'));
