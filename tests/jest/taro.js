// `@tarojs/taro` for jest = Taro's H5 API. In the H5 build, babel-plugin-transform-taroapi rewrites
// `Taro.showToast(...)` on the default import into named imports of @tarojs/taro-h5; jest has no
// such rewrite, so the default export here carries every named API too.
const h5 = require('@tarojs/taro-h5');

const defaultExport = Object.assign({}, h5.default);
for (const key of Object.keys(h5)) {
  if (key !== 'default' && !(key in defaultExport)) defaultExport[key] = h5[key];
}

module.exports = { ...h5, __esModule: true, default: defaultExport };
