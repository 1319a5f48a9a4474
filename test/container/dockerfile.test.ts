import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from '../../scripts/build.js';
import { copyOf, envOf, execForm, imageCommand, instructionsOf, readDockerfile } from './dockerfile.js';

const ROOT = join(import.meta.dirname, '../..');
const dockerfile = readDockerfile(ROOT);
const final = dockerfile.stages.at(-1)!;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const chartValues = parse(readFileSync(join(ROOT, 'helm/azr-planner/values.yaml'), 'utf8')) as {
  containerPort: number;
  podSecurity: { runAsUser: number; runAsGroup: number };
};

describe('Dockerfile', () => {
  it('is multi-stage: the final stage takes only built files from a named build stage', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    const copies = instructionsOf(final, 'COPY').map(copyOf);
    expect(copies.length).toBeGreaterThan(0);
    const stageNames = dockerfile.stages.slice(0, -1).map((s) => s.name);
    for (const copy of copies) expect(stageNames).toContain(copy.from);
  });

  it('pins every base image by tag, never latest, on the Node the project pins', () => {
    for (const stage of dockerfile.stages) {
      const [, tag] = stage.image.split(':');
      expect(tag, stage.image).toBeTruthy();
      expect(tag).not.toMatch(/latest/);
      expect(stage.image).not.toContain('$');
    }
    const pinned = pkg.devDependencies.node;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(final.image).toBe(`node:${pinned}-alpine`);
    for (const stage of dockerfile.stages) expect(stage.image.startsWith(`node:${pinned}-`), stage.image).toBe(true);
  });

  it('runs as a numeric non-root user, the one the chart declares', () => {
    const user = instructionsOf(final, 'USER').at(-1)?.args;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    const [uid, gid] = user!.split(':').map(Number);
    expect(uid).toBeGreaterThan(0);
    expect(uid).toBe(chartValues.podSecurity.runAsUser);
    if (gid !== undefined) expect(gid).toBe(chartValues.podSecurity.runAsGroup);
  });

  it('starts node in exec form on a bundle the build produces, with no HEALTHCHECK (Kubernetes probes do that)', () => {
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
      for (const instruction of instructionsOf(final, keyword)) expect(() => execForm(instruction)).not.toThrow();
    }
    const command = imageCommand(final);
    expect(command[0]).toBe('node');
    expect(command).toContain('dist/server.js');
    const bundles = Object.keys(ENTRY_POINTS).map((name) => `dist/${name}.js`);
    for (const arg of command.filter((a) => a.startsWith('dist/'))) expect(bundles).toContain(arg);
    for (const stage of dockerfile.stages) expect(instructionsOf(stage, 'HEALTHCHECK')).toEqual([]);
  });

  it('listens where the chart expects, in production mode', () => {
    const env = envOf(final);
    expect(env.NODE_ENV).toBe('production');
    expect(Number(env.PORT)).toBe(chartValues.containerPort);
    expect(instructionsOf(final, 'EXPOSE').map((i) => Number(i.args))).toEqual([chartValues.containerPort]);
  });

  it('installs no dependencies in the final stage (the bundles are self-contained)', () => {
    for (const run of instructionsOf(final, 'RUN')) expect(run.args).not.toMatch(/\b(npm|yarn|pnpm)\b.*\b(install|ci|add)\b/);
    expect(instructionsOf(final, 'COPY').flatMap((i) => copyOf(i).sources)).not.toEqual(
      expect.arrayContaining([expect.stringContaining('node_modules')]),
    );
  });

  it('builds from files that exist, with the lock file', () => {
    const build = dockerfile.stages[0]!;
    const sources = instructionsOf(build, 'COPY').flatMap((i) => copyOf(i).sources);
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'scripts/build.ts']));
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    expect(instructionsOf(build, 'RUN').map((i) => i.args)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^npm ci\b/), expect.stringContaining('scripts/build.ts')]),
    );
  });
});

describe('.dockerignore', () => {
  it('keeps installed modules, local tools, build output and git history out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.tools', 'dist', '.git']));
  });
});
