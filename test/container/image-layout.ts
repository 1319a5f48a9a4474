import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { copyOf, instructionsOf } from './dockerfile.js';
import type { Dockerfile, Stage } from './dockerfile.js';

const sh = promisify(execFile);

export interface ImageLayout {
  /** The final stage's WORKDIR, as the image would hold it. */
  appDir: string;
  cleanup(): void;
}

const workdirOf = (stage: Stage): string => {
  const workdir = instructionsOf(stage, 'WORKDIR').at(-1)?.args;
  if (!workdir?.startsWith('/')) throw new Error(`stage ${stage.name ?? stage.image} needs an absolute WORKDIR`);
  return workdir;
};

/** Maps a path inside a stage (absolute, or relative to its WORKDIR) to the local folder that stands for it. */
function localPath(stage: Stage, local: string, path: string): string {
  const workdir = workdirOf(stage);
  const inImage = posix.resolve(workdir, path);
  const relative = posix.relative(workdir, inImage);
  if (relative.startsWith('..')) throw new Error(`${path} is outside ${workdir}: the layout only models the WORKDIR`);
  return join(local, relative);
}

function copy(stage: Stage, local: string, sourceRoot: string, sources: readonly string[], dest: string): void {
  const intoDir = sources.length > 1 || dest.endsWith('/');
  for (const source of sources) {
    const target = localPath(stage, local, intoDir ? posix.join(dest, basename(source)) : dest);
    cpSync(join(sourceRoot, source), target, { recursive: true });
  }
}

/**
 * Lays out what the Dockerfile's final stage holds in its WORKDIR, without a Docker engine. The build stages
 * run for real in temporary folders: COPY from the repository, `npm ci` stands in as a link to the repository's
 * installed node_modules (same lock file), every other RUN runs in sh with the pinned node first on PATH.
 * The final stage's COPY --from lines then take exactly what they name. RUN lines of the final stage may only
 * touch the base image (outside WORKDIR), which the layout does not model.
 */
export async function assembleImage(root: string, dockerfile: Dockerfile): Promise<ImageLayout> {
  const base = mkdtempSync(join(tmpdir(), 'azr-image-'));
  const cleanup = () => rmSync(base, { recursive: true, force: true });
  try {
    const locals = new Map<string, string>();
    const final = dockerfile.stages.at(-1)!;
    for (const [index, stage] of dockerfile.stages.entries()) {
      const local = join(base, `stage-${index}`);
      mkdirSync(local);
      locals.set(stage.name ?? String(index), local);
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'COPY') {
          const { from, sources, dest } = copyOf(instruction);
          if (!from) {
            copy(stage, local, root, sources, dest);
            continue;
          }
          const fromStage = dockerfile.stages.find((s) => s.name === from);
          const fromLocal = locals.get(from);
          if (!fromStage || !fromLocal) throw new Error(`line ${instruction.line}: no earlier stage named ${from}`);
          const relative = sources.map((s) => posix.relative(workdirOf(fromStage), s));
          if (relative.some((r) => r.startsWith('..'))) throw new Error(`line ${instruction.line}: copies from outside ${from}'s WORKDIR`);
          copy(stage, local, fromLocal, relative, dest);
        } else if (instruction.keyword === 'RUN') {
          if (stage === final) {
            if (instruction.args.includes(workdirOf(stage)) || !/\s\/(usr|opt)\//.test(` ${instruction.args}`)) {
              throw new Error(`line ${instruction.line}: a final-stage RUN must only touch the base image: ${instruction.args}`);
            }
            continue;
          }
          if (/^npm ci\b/.test(instruction.args)) {
            symlinkSync(join(root, 'node_modules'), join(local, 'node_modules'), 'dir');
            continue;
          }
          await sh('sh', ['-c', instruction.args], {
            cwd: localPath(stage, local, '.'),
            env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
          });
        }
      }
    }
    return { appDir: localPath(final, locals.get(final.name ?? String(dockerfile.stages.length - 1))!, '.'), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
