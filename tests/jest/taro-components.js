// `@tarojs/components` for jest. The H5 build (h5.useHtmlComponents) resolves it to
// @tarojs/components-react, whose index re-exports `Refresher = View` imported from
// '@tarojs/components' while loading: a cycle CommonJS cannot settle. So the HTML components are
// exported one by one, lazily; anything else falls back to Taro's Stencil-based React build.
const HTML_COMPONENTS = {
  Button: 'button',
  Icon: 'icon',
  Image: 'image',
  Input: 'input',
  Picker: 'picker',
  PullDownRefresh: 'pull-down-refresh',
  ScrollView: 'scroll-view',
  Text: 'text',
  View: 'view',
};

const load = (dir) => require(`@tarojs/components-react/dist/components/${dir}/index.js`);

const target = { __esModule: true };
for (const [name, dir] of Object.entries(HTML_COMPONENTS)) {
  Object.defineProperty(target, name, { enumerable: true, get: () => load(dir).default });
}
Object.defineProperty(target, 'Refresher', { enumerable: true, get: () => target.View });
Object.defineProperty(target, 'Swiper', { enumerable: true, get: () => load('swiper').Swiper });
Object.defineProperty(target, 'SwiperItem', { enumerable: true, get: () => load('swiper').SwiperItem });

module.exports = new Proxy(target, {
  get(object, key) {
    if (key in object) return object[key];
    return require('@tarojs/components/lib/react')[key];
  },
});
