import path from 'node:path';
import { cycles, importGraph, SRC } from './import-graph';

// A cycle between modules makes their load order matter (one sees the other half-initialised)
// and welds features together, so none is allowed, between features or inside one.

describe('imports in src', () => {
  const graph = importGraph();

  it('reads a graph that covers the app (entry, pages, features, lib)', () => {
    const files = new Set(graph.map((e) => path.relative(SRC, e.from)));
    expect(files.has('app.ts')).toBe(true);
    expect(files.has('pages/index/index.tsx')).toBe(true);
    expect(files.has('features/enterprise/index.ts')).toBe(true);
  });

  it('has no import cycle at run time', () => {
    expect(cycles(graph.filter((e) => !e.typeOnly))).toEqual([]);
  });

  it('has no cycle of type imports either', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between features (a feature and what it builds on are not welded together)', () => {
    const featureOf = (file: string) => /^features\/([^/]+)\//.exec(path.relative(SRC, file).split(path.sep).join('/'))?.[1];
    const between = graph.flatMap((e) => {
      const from = featureOf(e.from);
      const to = featureOf(e.to);
      return from && to && from !== to ? [{ from: path.join(SRC, 'features', from), to: path.join(SRC, 'features', to), typeOnly: e.typeOnly }] : [];
    });
    expect(between.length).toBeGreaterThan(0);
    expect(cycles(between)).toEqual([]);
  });
});
