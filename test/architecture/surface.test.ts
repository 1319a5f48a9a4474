import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the declared surface', () => {
  it('every layer of lib/ has an index.ts, and the exports map names each one', () => {
    const layers = readdirSync(join(ROOT, 'lib'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const layer of layers) {
      expect(existsSync(join(ROOT, 'lib', layer, 'index.ts')), layer).toBe(true);
      expect(pkg.exports[`./${layer}`], layer).toBe(`./lib/${layer}/index.ts`);
    }
  });

  it('bench/ and fixtures/ reach lib/ only through a layer index', () => {
    const deep = /from '(?:\.\.\/)+lib\/\w+\/(?!index\.js')[^']+'/;
    const offenders = ['bench', 'fixtures'].flatMap(sources).filter((file) => deep.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('bench/ takes no fixture from test/', () => {
    const offenders = sources('bench').filter((file) => /from '(?:\.\.\/)+test\//.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
