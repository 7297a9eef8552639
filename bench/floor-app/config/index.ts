// The product's Taro config (same plugins, polyfills, split chunks, output naming), with only the
// name changed and the persistent cache off (one build per bench run; keeps the repo clean).
import path from 'node:path';

type Merge = (...objects: object[]) => object;
type ConfigFn = (merge: Merge, env: { mode: string; command: string }) => Promise<object>;

const PRODUCT_CONFIG_DIR = path.resolve(__dirname, '../../../config');

export default async (merge: Merge, env: { mode: string; command: string }) => {
  // Taro compiles only this app's config/ on the fly; let it compile the product's config too.
  require('@tarojs/helper').createSwcRegister({ only: [(file: string) => file.startsWith(PRODUCT_CONFIG_DIR)] });
  const product = require(path.join(PRODUCT_CONFIG_DIR, 'index.ts'));
  const base = await ((product.default ?? product) as ConfigFn)(merge, env);
  const productSrc = path.resolve(PRODUCT_CONFIG_DIR, '../src');
  return merge({}, base, {
    projectName: 'zhixiang-bench-floor',
    cache: { enable: false },
    // The product's Supabase client and its platform adapters live outside this app's src/.
    mini: { compile: { include: [path.join(productSrc, 'lib/supabase'), path.join(productSrc, 'platform')] } },
  });
};
