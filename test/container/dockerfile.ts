import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  /** The base image with build arguments substituted, e.g. node:22.23.3-alpine. */
  image: string;
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults: the only ones FROM lines may use. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/** Just enough of the Dockerfile grammar for the checks: comments, continuations, stages, ARG substitution in FROM. */
export function parseDockerfile(text: string): Dockerfile {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (pending && line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1).trim() : line;
    pending = pending ? { text: `${pending.text} ${body}`, line: pending.line } : { text: body, line: index + 1 };
    if (continued) return;
    const match = /^(\S+)\s*(.*)$/.exec(pending.text);
    if (match) instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!, line: pending.line });
    pending = undefined;
  });

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      const resolved = image.replace(/\$\{?(\w+)\}?/g, (_m, arg: string) => {
        const value = globalArgs[arg];
        if (value === undefined) throw new Error(`line ${instruction.line}: FROM uses ARG ${arg}, which has no default before the first FROM`);
        return value;
      });
      stages.push({ image: resolved, ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new Error(`line ${instruction.line}: ${instruction.keyword} before the first FROM`);
      const [key = '', value = ''] = instruction.args.split('=');
      globalArgs[key.trim()] = value.trim();
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

export const readDockerfile = (root: string): Dockerfile => parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));

export const instructionsOf = (stage: Stage, keyword: string): Instruction[] =>
  stage.instructions.filter((i) => i.keyword === keyword);

/** An exec-form (JSON array) ENTRYPOINT or CMD; throws on the shell form, which would put sh between the kernel and node. */
export function execForm(instruction: Instruction): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(instruction.args);
  } catch {
    throw new Error(`line ${instruction.line}: ${instruction.keyword} is in shell form: ${instruction.args}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) {
    throw new Error(`line ${instruction.line}: ${instruction.keyword} is not a JSON array of strings`);
  }
  return parsed;
}

/** The command the image runs by default: ENTRYPOINT followed by CMD, both exec form, of the final stage. */
export function imageCommand(stage: Stage): string[] {
  const last = (keyword: string) => instructionsOf(stage, keyword).at(-1);
  const entrypoint = last('ENTRYPOINT');
  const cmd = last('CMD');
  return [...(entrypoint ? execForm(entrypoint) : []), ...(cmd ? execForm(cmd) : [])];
}

/** ENV of a stage, in the KEY=value form (several pairs per line, optionally double-quoted). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of instructionsOf(stage, 'ENV')) {
    const pairs = instruction.args.match(/(\w+)=("[^"]*"|\S*)/g);
    if (!pairs) throw new Error(`line ${instruction.line}: use ENV KEY=value`);
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      env[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}

/** COPY sources and destination, with its --from stage when it has one. */
export function copyOf(instruction: Instruction): { from?: string; sources: string[]; dest: string } {
  const words = instruction.args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { ...(from ? { from } : {}), sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
}
