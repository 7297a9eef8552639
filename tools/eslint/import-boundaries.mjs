// ESLint rule `local/import-boundaries`: the app's layers and who may import whom
// (docs/architecture.md, "Layers and import rules"). Relative imports only: the app has no path
// aliases in use, and packages (react, @tarojs/*, NutUI) are outside the layers.
//
//   app (src/app.ts, src/app.config.ts, src/app/)  → features (index), ui, lib, platform
//   pages (src/pages/, src/packages/)              → features (index), ui, lib, platform
//   features/<x>                                   → itself; another feature via its index.ts; ui, lib, platform
//   ui                                             → ui, lib, platform
//   lib, platform                                  → lib, platform
//
// `exceptions` names the deep imports allowed anyway: [{ from, to, why }], `from` a file or a
// folder (ending in `/`) and `to` a module, both relative to src/ and without extension.
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src');
// Files of the edge functions' shared code that the app compiles too (config/index.ts), each with
// the one app module that imports it.
const SHARED_WITH_FUNCTIONS = new Map([
  [path.resolve(SRC, '../supabase/functions/_shared/routes'), 'lib/routes.ts'],
  [path.resolve(SRC, '../supabase/functions/_shared/gate-codes'), 'lib/data/gate.ts'],
  // a type only (erased at build): the certificate the function draws and the app lists
  [path.resolve(SRC, '../supabase/functions/_shared/certificate'), 'features/training/services/training.types.ts'],
]);

function layerOf(rel) {
  const parts = rel.split('/');
  if (rel === 'app' || rel === 'app.config' || parts[0] === 'app') return { layer: 'app' };
  if (parts[0] === 'pages' || parts[0] === 'packages') return { layer: 'pages' };
  if (parts[0] === 'features' && parts[1]) return { layer: 'feature', feature: parts[1], isIndex: parts.length === 2 || (parts.length === 3 && parts[2] === 'index') };
  if (['ui', 'lib', 'platform'].includes(parts[0])) return { layer: parts[0] };
  return { layer: 'other' };
}

const ALLOWED = {
  app: ['feature', 'ui', 'lib', 'platform', 'app', 'other'],
  pages: ['feature', 'ui', 'lib', 'platform', 'pages', 'other'],
  feature: ['feature', 'ui', 'lib', 'platform', 'other'],
  ui: ['ui', 'lib', 'platform', 'other'],
  lib: ['lib', 'platform', 'other'],
  platform: ['platform', 'lib', 'other'],
};

function withoutExtension(abs) {
  const stripped = abs.replace(/\.(tsx?|jsx?)$/, '');
  if (fs.existsSync(stripped) && fs.statSync(stripped).isDirectory()) return path.join(stripped, 'index');
  return stripped;
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Layers: pages → features → ui/lib/platform; features meet through their index.ts' },
    schema: [
      {
        type: 'object',
        properties: {
          exceptions: {
            type: 'array',
            items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, why: { type: 'string' } }, required: ['from', 'to', 'why'] },
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const fromRel = path.relative(SRC, filename).split(path.sep).join('/');
    if (fromRel.startsWith('..') || fromRel.includes('__tests__/')) return {};
    const from = layerOf(fromRel.replace(/\.(tsx?|jsx?)$/, ''));
    if (from.layer === 'other') return {};
    const exceptions = context.options[0]?.exceptions ?? [];

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      if (/\.(css|scss|less)$/.test(spec)) return;
      const abs = withoutExtension(path.resolve(path.dirname(filename), spec));
      const toRel = path.relative(SRC, abs).split(path.sep).join('/');
      if (toRel.startsWith('..')) {
        if (SHARED_WITH_FUNCTIONS.get(abs) === fromRel) return;
        context.report({ node, message: `'${spec}' leaves src/: only src/lib/routes.ts (the route table), src/lib/data/gate.ts (the gate codes) and training.types.ts (the certificate row) import the edge functions' shared code.` });
        return;
      }
      const to = layerOf(toRel);
      const excepted = exceptions.some((e) => (e.from.endsWith('/') ? fromRel.startsWith(e.from) : fromRel.replace(/\.(tsx?|jsx?)$/, '') === e.from) && e.to === toRel);
      if (!ALLOWED[from.layer].includes(to.layer)) {
        if (!excepted) context.report({ node, message: `${from.layer} may not import ${to.layer} ('${spec}'): see docs/architecture.md.` });
        return;
      }
      if (to.layer === 'feature' && !to.isIndex && !(from.layer === 'feature' && from.feature === to.feature) && !excepted) {
        context.report({ node, message: `Import features/${to.feature} through its index.ts, not '${spec}' (or name the exception in eslint.config.mjs).` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node.arguments[0], node.arguments[0].value);
      },
      TSImportType: (node) => {
        const arg = node.argument?.literal ?? node.argument;
        if (arg?.type === 'Literal') check(arg, arg.value);
      },
    };
  },
};

export default { rules: { 'import-boundaries': importBoundaries } };
