import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {
    // Relative asset URLs so dist/h5 can be served from any path or opened by a static server.
    publicPath: './',
  },
} satisfies UserConfigExport<'webpack5'>;
