"""Measures shortcut answers in generated plans with CPython, independently of the generator's own checks.

Reads a JSON list of plans (each a list of tasks in the planner's wire format) from the file named on the
command line; prints one JSON object of counts per mode:
- trivial: tasks with a shortcut answer. Deduction: the output is a value guessed for its type
  (0, 1, -1, '', [], {}, True, False) or the argument itself. Abduction: the output is such a value, or a
  constant guess of the argument types ('' 'a' '__not_an_input__', 0 1 -1, [] [0] [1], [''], k 0 or 1)
  gives it. Induction: one constant (a guessed value or an output already shown) passes every hidden pair,
  or f returning its argument does.
- cross (abduction): tasks whose output the answer input of another abduction task of the same plan
  reaches, every input against every program whatever its type.
- not_an_input (abduction): tasks that f('__not_an_input__') answers.
- broad (abduction): tasks whose output more than 1 in 16 of 64 random inputs of the answer's argument
  types reach (drawn here, with Python's own seeded random); preimage_hits/preimage_runs over all tasks.
"""
import itertools
import json
import random
import sys

rand = random.Random(15)


def random_like(v, second):
    if isinstance(v, int):
        return rand.randint(1, 9) if second else rand.randint(-50, 220)
    if isinstance(v, str):
        return ''.join(rand.choice('abcdefghij'[:rand.randint(3, 10)]) for _ in range(rand.randint(2, 12)))
    if v and isinstance(v[0], str):
        return [''.join(rand.choice('abcde') for _ in range(rand.randint(1, 6))) for _ in range(rand.randint(2, 7))]
    return [rand.randint(-5, 39) for _ in range(rand.randint(1, 10))]


def preimage_hits(f, answer, out, n=64):
    args = eval('(' + answer + ',)')
    hits = 0
    for _ in range(n):
        drawn = ', '.join(repr(random_like(a, i > 0)) for i, a in enumerate(args))
        hits += gives(f, drawn, out)
    return hits

GUESSED = {'0', '1', '-1', "''", '[]', '{}', 'True', 'False'}
ARG_GUESSES = ["''", "'a'", "'__not_an_input__'", '0', '1', '-1', '[]', '[0]', '[1]', "['']"]


def program_of(t):
    return t['answer']['program'] if t['mode'] == 'induction' else t['payload']['program']


def load(src):
    scope = {}
    exec(src, scope)
    return scope['f']


def gives(f, args, output):
    try:
        return repr(eval('f(' + args + ')', {'f': f})) == output
    except Exception:
        return False


def arity(src):
    head = [line for line in src.splitlines() if line.startswith('def f(')][0]
    return head.count(',') + 1


def trivial(t, f):
    if t['mode'] == 'deduction':
        return t['answer']['output'] in GUESSED or t['answer']['output'] == t['payload']['input']
    if t['mode'] == 'abduction':
        out = t['payload']['output']
        if out in GUESSED:
            return True
        n = arity(t['payload']['program'])
        guesses = [g[0] if n == 1 else g[0] + ', ' + g[1] for g in itertools.product(ARG_GUESSES, ['0', '1'])]
        return t['answer']['input'] in guesses or any(gives(f, g, out) for g in guesses)
    shown = [e['output'] for e in t['payload']['examples']]
    hidden = t['answer']['hidden_examples']
    if all(e['output'] == e['input'] for e in hidden):
        return True
    first = hidden[0]['output']
    return all(e['output'] == first for e in hidden) and (first in GUESSED or first in shown)


def main():
    with open(sys.argv[1]) as fh:
        plans = json.load(fh)
    counts = {m: {'tasks': 0, 'trivial': 0} for m in ('deduction', 'abduction', 'induction')}
    counts['abduction'].update({'cross': 0, 'not_an_input': 0, 'broad': 0, 'preimage_hits': 0, 'preimage_runs': 0})
    for plan in plans:
        fs = [load(program_of(t)) for t in plan]
        abd = [(t, f) for t, f in zip(plan, fs) if t['mode'] == 'abduction']
        for t, f in zip(plan, fs):
            c = counts[t['mode']]
            c['tasks'] += 1
            c['trivial'] += trivial(t, f)
        for t, f in abd:
            out = t['payload']['output']
            others = (u['answer']['input'] for u, _ in abd if u['answer']['input'] != t['answer']['input'])
            counts['abduction']['cross'] += any(gives(f, i, out) for i in others)
            counts['abduction']['not_an_input'] += gives(f, "'__not_an_input__'", out)
            hits = preimage_hits(f, t['answer']['input'], out)
            counts['abduction']['broad'] += hits > 64 / 16
            counts['abduction']['preimage_hits'] += hits
            counts['abduction']['preimage_runs'] += 64
    json.dump(counts, sys.stdout)


main()
