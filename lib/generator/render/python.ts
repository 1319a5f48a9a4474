import type { Expr, Fn, Helper, Iter, Param, Program, Stmt } from '../ast/types.js';
import { pyRepr } from './literal.js';

// Python operator precedence, loosest first; a child binding looser than its context gets parentheses.
const P_IFEXP = 1;
const P_OR = 2;
const P_AND = 3;
const P_NOT = 4;
const P_CMP = 5;
const P_ADD = 6;
const P_MUL = 7;
const P_NEG = 8;
const P_ATOM = 9;

function prec(e: Expr): number {
  switch (e.k) {
    case 'ifexp':
      return P_IFEXP;
    case 'or':
      return P_OR;
    case 'and':
      return P_AND;
    case 'not':
      return P_NOT;
    case 'cmp':
    case 'in':
      return P_CMP;
    case 'bin':
      return e.op === '+' || e.op === '-' ? P_ADD : P_MUL;
    case 'int':
      return e.v < 0 ? P_NEG : P_ATOM;
    default:
      return P_ATOM;
  }
}

/** Renders e, parenthesised when it binds looser than `min`. */
function ex(e: Expr, min: number, names: readonly string[]): string {
  const s = bare(e, names);
  return prec(e) < min ? '(' + s + ')' : s;
}

function iterSource(it: Iter, names: readonly string[]): string {
  switch (it.k) {
    case 'seq':
      return ex(it.a, P_OR, names);
    case 'range':
      return it.lo === null ? 'range(' + ex(it.hi, P_IFEXP, names) + ')' : 'range(' + ex(it.lo, P_IFEXP, names) + ', ' + ex(it.hi, P_IFEXP, names) + ')';
    case 'enumerate':
      return 'enumerate(' + ex(it.a, P_IFEXP, names) + ')';
    case 'zip_next': {
      const a = ex(it.a, P_ATOM, names);
      return 'zip(' + a + ', ' + a + '[1:])';
    }
  }
}

function target(it: Iter, slot: number, slot2: number, names: readonly string[]): string {
  return it.k === 'enumerate' || it.k === 'zip_next' ? names[slot] + ', ' + names[slot2] : (names[slot] as string);
}

function argOf(args: readonly Expr[], i: number, names: readonly string[]): string {
  return ex(args[i] as Expr, P_IFEXP, names);
}

/** A method's receiver binds tighter than anything but an atom: (a + b).upper(). */
function recvOf(args: readonly Expr[], names: readonly string[]): string {
  return ex(args[0] as Expr, P_ATOM, names);
}

function call(fn: Fn, args: readonly Expr[], names: readonly string[]): string {
  switch (fn) {
    case 'upper':
      return recvOf(args, names) + '.upper()';
    case 'replace':
      return recvOf(args, names) + '.replace(' + argOf(args, 1, names) + ', ' + argOf(args, 2, names) + ')';
    case 'count':
    case 'find':
    case 'split':
    case 'join':
      return recvOf(args, names) + '.' + fn + '(' + argOf(args, 1, names) + ')';
    case 'get':
      return recvOf(args, names) + '.get(' + argOf(args, 1, names) + ', ' + argOf(args, 2, names) + ')';
    case 'dict_values_sum':
      return 'sum(' + recvOf(args, names) + '.values())';
    case 'dict_values_max':
      return 'max(' + recvOf(args, names) + '.values(), default=' + argOf(args, 1, names) + ')';
    case 'max_default':
      return 'max(' + argOf(args, 0, names) + ', default=' + argOf(args, 1, names) + ')';
    case 'min_default':
      return 'min(' + argOf(args, 0, names) + ', default=' + argOf(args, 1, names) + ')';
    case 'max2':
      return 'max(' + argOf(args, 0, names) + ', ' + argOf(args, 1, names) + ')';
    case 'min2':
      return 'min(' + argOf(args, 0, names) + ', ' + argOf(args, 1, names) + ')';
    case 'sorted_desc':
      return 'sorted(' + argOf(args, 0, names) + ', reverse=True)';
    case 'sorted_len':
      return 'sorted(' + argOf(args, 0, names) + ', key=len)';
    case 'dedupe':
      return 'list(dict.fromkeys(' + argOf(args, 0, names) + '))';
    case 'distinct':
      return 'len(set(' + argOf(args, 0, names) + '))';
    case 'range_list':
      return 'list(range(' + argOf(args, 0, names) + ', ' + argOf(args, 1, names) + '))';
    default:
      return fn + '(' + argOf(args, 0, names) + ')';
  }
}

function sliceBound(n: number | null): string {
  return n === null ? '' : String(n);
}

function bare(e: Expr, names: readonly string[]): string {
  switch (e.k) {
    case 'int':
    case 'str':
    case 'bool':
      return pyRepr(e.v);
    case 'var':
      return names[e.slot] as string;
    case 'empty':
      return e.of === 'list' ? '[]' : '{}';
    case 'bin': {
      const p = prec(e);
      return ex(e.a, p, names) + ' ' + e.op + ' ' + ex(e.b, p + 1, names);
    }
    case 'cmp':
      // Comparisons chain in Python (a < b == c), so a comparison operand always gets parentheses.
      return ex(e.a, P_ADD, names) + ' ' + e.op + ' ' + ex(e.b, P_ADD, names);
    case 'in':
      return ex(e.a, P_ADD, names) + (e.negate ? ' not in ' : ' in ') + ex(e.b, P_ADD, names);
    case 'and':
      return ex(e.a, P_AND, names) + ' and ' + ex(e.b, P_AND + 1, names);
    case 'or':
      return ex(e.a, P_OR, names) + ' or ' + ex(e.b, P_OR + 1, names);
    case 'not':
      return 'not ' + ex(e.a, P_NOT, names);
    case 'ifexp':
      return ex(e.a, P_OR, names) + ' if ' + ex(e.c, P_OR, names) + ' else ' + ex(e.b, P_IFEXP, names);
    case 'call':
      return call(e.fn, e.args, names);
    case 'helper':
      return helperNames[e.h] + '(' + e.args.map((a) => ex(a, P_IFEXP, names)).join(', ') + ')';
    case 'index':
      return ex(e.a, P_ATOM, names) + '[' + ex(e.i, P_IFEXP, names) + ']';
    case 'slice':
      return (
        ex(e.a, P_ATOM, names) + '[' + sliceBound(e.lo) + ':' + sliceBound(e.hi) + (e.step === null ? '' : ':' + e.step) + ']'
      );
    case 'comp': {
      const inner =
        ex(e.elem, P_IFEXP, names) +
        ' for ' +
        target(e.iter, e.slot, e.slot2, names) +
        ' in ' +
        iterSource(e.iter, names) +
        (e.cond === null ? '' : ' if ' + ex(e.cond, P_OR, names));
      switch (e.out) {
        case 'list':
          return '[' + inner + ']';
        case 'join':
          return pyRepr(e.sep) + '.join(' + inner + ')';
        case 'sum':
        case 'any':
        case 'all':
          return e.out + '(' + inner + ')';
      }
    }
  }
}

/** Appends lines to one string: cheaper than collecting them in an array and joining. */
class Lines {
  text = '';
  push(line: string): void {
    this.text += '\n' + line;
  }
}

function block(body: readonly Stmt[], indent: string, names: readonly string[], out: Lines): void {
  if (body.length === 0) out.push(indent + 'pass');
  for (const s of body) stmt(s, indent, names, out);
}

function stmt(s: Stmt, indent: string, names: readonly string[], out: Lines): void {
  const inner = indent + '    ';
  switch (s.k) {
    case 'assign':
      out.push(indent + names[s.slot] + ' = ' + bare(s.e, names));
      return;
    case 'aug':
      out.push(indent + names[s.slot] + ' ' + s.op + '= ' + bare(s.e, names));
      return;
    case 'append':
      out.push(indent + names[s.slot] + '.append(' + bare(s.e, names) + ')');
      return;
    case 'setitem':
      out.push(indent + names[s.slot] + '[' + bare(s.key, names) + '] = ' + bare(s.e, names));
      return;
    case 'for':
      out.push(indent + 'for ' + target(s.iter, s.slot, s.slot2, names) + ' in ' + iterSource(s.iter, names) + ':');
      block(s.body, inner, names, out);
      return;
    case 'while':
      out.push(indent + 'while ' + bare(s.c, names) + ':');
      block(s.body, inner, names, out);
      return;
    case 'if': {
      out.push(indent + 'if ' + bare(s.c, names) + ':');
      block(s.then, inner, names, out);
      let rest = s.else;
      // An else holding a single if reads as elif, the way a person would write it.
      while (rest.length === 1 && (rest[0] as Stmt).k === 'if') {
        const nested = rest[0] as Extract<Stmt, { k: 'if' }>;
        out.push(indent + 'elif ' + bare(nested.c, names) + ':');
        block(nested.then, inner, names, out);
        rest = nested.else;
      }
      if (rest.length > 0) {
        out.push(indent + 'else:');
        block(rest, inner, names, out);
      }
      return;
    }
    case 'return':
      out.push(indent + 'return ' + bare(s.e, names));
      return;
  }
}

/** Names of the helpers of the program being rendered (one program is rendered at a time, synchronously). */
let helperNames: readonly string[] = [];

/** `def g(...)` with its body, then a blank line. */
function renderHelper(h: Helper): string {
  const out = new Lines();
  block(h.body, '    ', h.names, out);
  return 'def ' + h.name + '(' + h.names.slice(0, h.params).join(', ') + '):' + out.text + '\n\n';
}

/** Python source defining f, after the helpers it calls. */
export function renderProgram(p: Program): string {
  const helpers = p.helpers ?? [];
  helperNames = helpers.map((h) => h.name);
  let head = '';
  for (const h of helpers) head += renderHelper(h);
  head += 'def f(';
  for (let i = 0; i < p.params.length; i++) head += (i === 0 ? '' : ', ') + p.names[(p.params[i] as Param).slot];
  const out = new Lines();
  block(p.body, '    ', p.names, out);
  return head + '):' + out.text;
}
