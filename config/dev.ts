import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm start` passes H5_PORT; loopback only, like the local stack.
    devServer: { host: '127.0.0.1', port: Number(process.env.H5_PORT ?? 10086) },
  },
} satisfies UserConfigExport<'webpack5'>;
