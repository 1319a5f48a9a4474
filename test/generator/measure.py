"""Measures generated programs the way the issue compares them with AZR's seeds, from their Python source.

Reads a JSON list of program sources from the file named on the command line; prints one JSON list with,
per program: lines (non-blank), cognitive complexity, nesting (deepest block inside f or a helper), whether
it defines a helper that f calls, has a while loop, and its shape (the source with names, numbers and
strings replaced, so programs differing only in constants share a shape).

Cognitive complexity follows SonarSource's rules for Python: +1 for each if/elif/else, loop, conditional
expression, comprehension clause and run of boolean operators, plus the nesting level for each
if/loop/conditional expression nested in another.
"""
import ast
import io
import json
import sys
import tokenize


def cognitive(fn):
    score = 0

    def visit(node, nesting):
        nonlocal score
        if isinstance(node, (ast.If, ast.For, ast.While)):
            score += 1 + nesting
            visit_expr(node.test if isinstance(node, (ast.If, ast.While)) else node.iter, nesting)
            for s in node.body:
                visit(s, nesting + 1)
            orelse = node.orelse
            while isinstance(node, ast.If) and len(orelse) == 1 and isinstance(orelse[0], ast.If):
                score += 1  # elif
                node = orelse[0]
                visit_expr(node.test, nesting)
                for s in node.body:
                    visit(s, nesting + 1)
                orelse = node.orelse
            if orelse:
                score += 1  # else
                for s in orelse:
                    visit(s, nesting + 1)
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                visit(child, nesting)
            else:
                visit_expr(child, nesting)

    def visit_expr(node, nesting):
        nonlocal score
        for n in ast.walk(node):
            if isinstance(n, ast.IfExp):
                score += 1 + nesting
            elif isinstance(n, ast.BoolOp):
                score += 1
            elif isinstance(n, ast.comprehension):
                score += 1 + len(n.ifs)

    for s in fn.body:
        visit(s, 0)
    return score


def nesting(fn):
    def depth(stmts):
        best = 0
        for s in stmts:
            inner = [getattr(s, k, []) for k in ('body', 'orelse')]
            blocks = [b for b in inner if isinstance(b, list) and b]
            if isinstance(s, (ast.If, ast.For, ast.While)):
                best = max(best, 1 + max(depth(b) for b in blocks))
        return best

    return depth(fn.body)


def shape(src):
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.NAME and tok.string not in ('def', 'return', 'for', 'in', 'if', 'elif', 'else', 'while', 'and', 'or', 'not'):
            out.append('N' if tok.string not in dir(__builtins__) else tok.string)
        elif tok.type == tokenize.NUMBER:
            out.append('0')
        elif tok.type == tokenize.STRING:
            out.append("''")
        elif tok.type in (tokenize.OP, tokenize.NAME):
            out.append(tok.string)
        elif tok.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE):
            out.append(tokenize.tok_name[tok.type][0])
    return ' '.join(out)


def measure(src):
    tree = ast.parse(src)
    fns = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    f = next(n for n in fns if n.name == 'f')
    helpers = {n.name for n in fns if n.name != 'f'}
    calls = {n.func.id for n in ast.walk(f) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    return {
        'lines': sum(1 for line in src.splitlines() if line.strip()),
        'cognitive': sum(cognitive(fn) for fn in fns),
        'nesting': max(nesting(fn) for fn in fns),
        'helper': bool(helpers & calls),
        'while': any(isinstance(n, ast.While) for n in ast.walk(tree)),
        'shape': shape(src),
    }


def main():
    with open(sys.argv[1]) as fh:
        programs = json.load(fh)
    json.dump([measure(p) for p in programs], sys.stdout)


main()
