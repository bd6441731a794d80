import { setLang } from '#client/src/shared/localize.js';
import { defineApp } from './components/app-shell.js';
import { parseUrl } from './url-state.js';

// The whole bundle is imported statically, so the page's HTML preloads every module at once (no
// waterfall of imports), but the site starts only once the catalogue is loaded, so a Vietnamese page
// never flashes English.
void setLang(parseUrl(location.href).lang).finally(defineApp);
