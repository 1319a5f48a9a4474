"""Checks AZR seed files against AZR's rules as AZR-INTEROP.md states them (written from those rules; AZR's
own code is not copied here).

Usage: azr_rules.py check <io.jsonl> <code_f.jsonl>  -> prints {"records": n, "violations": [...]}
       azr_rules.py run <io.jsonl> <code_f.jsonl>    -> prints the repr of every call's result, in order
The test runs `run` in two fresh python3 processes and compares them (AZR's determinism check).
"""
import ast
import json
import sys

BANNED = {'logging', 'random', 'multiprocessing', 'pebble', 'subprocess', 'threading', 'datetime', 'time',
          'hashlib', 'hmac', 'bcrypt', 'calendar'}
IO_KEYS = {'snippet', 'input', 'output', 'imports', 'original_snippet', 'composite_functions'}
CODE_F_KEYS = {'snippet', 'inputs', 'outputs', 'message', 'imports'}
LIMIT = 400


def load(path):
    with open(path) as fh:
        return [json.loads(line) for line in fh]


def program_problems(src):
    out = []
    tree = ast.parse(src)
    fs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == 'f']
    if len(fs) != 1:
        out.append('not exactly one top-level def f')
    others = [n for n in tree.body if not isinstance(n, ast.FunctionDef)]
    if others:
        out.append('top-level statements besides function definitions')
    for n in ast.walk(tree):
        names = [a.name for a in n.names] if isinstance(n, ast.Import) else [n.module or ''] if isinstance(n, ast.ImportFrom) else []
        if any(name.split('.')[0] in BANNED for name in names):
            out.append('banned import')
    if 'input(' in src:
        out.append('input( in the text')
    return out


def call(src, args):
    scope = {}
    exec(src, scope)
    return repr(eval('f(' + args + ')', {'f': scope['f']}))


def check(io, code_f):
    bad = []
    for i, r in enumerate(io):
        where = 'io %d' % i
        if set(r) != IO_KEYS:
            bad.append([where, 'fields %s' % sorted(r)])
        if r['original_snippet'] != r['snippet'] or r['composite_functions'] != [] or r['imports'] != []:
            bad.append([where, 'original_snippet, composite_functions or imports'])
        bad += [[where, p] for p in program_problems(r['snippet'])]
        if len(r['output']) > LIMIT or call(r['snippet'], r['input']) != r['output']:
            bad.append([where, 'output over %d characters or not what f gives' % LIMIT])
    for i, r in enumerate(code_f):
        where = 'code_f %d' % i
        if set(r) != CODE_F_KEYS:
            bad.append([where, 'fields %s' % sorted(r)])
        if len(r['inputs']) != 10 or len(r['outputs']) != 10:
            bad.append([where, 'not num_inputs = 10 pairs'])
        if not r['message'].strip():
            bad.append([where, 'empty message'])
        bad += [[where, p] for p in program_problems(r['snippet'])]
        for a, o in zip(r['inputs'], r['outputs']):
            if len(o) > LIMIT or call(r['snippet'], a) != o:
                bad.append([where, 'output over %d characters or not what f gives' % LIMIT])
    return bad


def run(io, code_f):
    out = [call(r['snippet'], r['input']) for r in io]
    for r in code_f:
        out += [call(r['snippet'], a) for a in r['inputs']]
    return out


def main():
    io, code_f = load(sys.argv[2]), load(sys.argv[3])
    if sys.argv[1] == 'check':
        json.dump({'records': len(io) + len(code_f), 'violations': check(io, code_f)}, sys.stdout)
    else:
        json.dump(run(io, code_f), sys.stdout)


main()
