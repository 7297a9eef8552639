// The standard URL and URLSearchParams for the mini-program builds (config/index.ts provides both
// from here). One module, evaluated in this order, because core-js's own feature detection names
// the bare globals too, which the providing rewrites into requires of the providing module: when
// `URLSearchParams` was provided by core-js-pure's url-search-params entry directly, that entry was
// first required from inside core-js's URL set-up, got the half-built exports of the module it
// re-exports ({}), and kept them — `new URLSearchParams()` then threw "not a constructor"
// (storage-js createSignedUrl: no signed link for any image in the mini-program). Here the inner
// requires only see this module half-built, inside core-js's try/catch detection.
const SearchParams = require('core-js-pure/stable/url-search-params/index.js');
const StandardURL = require('core-js-pure/stable/url/index.js');

module.exports = { URL: StandardURL, URLSearchParams: SearchParams };
