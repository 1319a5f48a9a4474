/**
 * The typed program representation: a small Python subset the generator builds, evaluates and renders.
 * Variables are numbered slots resolved at build time, so the evaluator indexes an array instead of
 * looking names up; each slot has exactly one Python name (see Program.names).
 */

/** Static types of values; the builders only combine expressions whose types fit. */
export type Ty = 'int' | 'bool' | 'str' | 'list_int' | 'list_str' | 'dict';

/** Runtime values: int is a JS safe integer, list a JS array, dict (str -> int) a Map (insertion-ordered, as in Python). */
export type Value = number | boolean | string | Value[] | Map<string, number>;

export type BinOp = '+' | '-' | '*' | '//' | '%';
export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * Built-in functions and methods. Each has one Python rendering (render/python.ts) and one
 * meaning (eval/builtins.ts); arguments are positional in `args`.
 */
export type Fn =
  | 'len' // len(a)
  | 'sum' // sum(a)
  | 'max_default' // max(a, default=b)
  | 'min_default' // min(a, default=b)
  | 'max2' // max(a, b)
  | 'min2' // min(a, b)
  | 'abs' // abs(a)
  | 'sorted' // sorted(a)
  | 'sorted_desc' // sorted(a, reverse=True)
  | 'sorted_len' // sorted(a, key=len)
  | 'str' // str(a)
  | 'ord' // ord(a)
  | 'chr' // chr(a)
  | 'upper' // a.upper()
  | 'replace' // a.replace(b, c)
  | 'count' // a.count(b)
  | 'find' // a.find(b)
  | 'split' // a.split(b)
  | 'join' // a.join(b)
  | 'get' // a.get(b, c)
  | 'dict_values_sum' // sum(a.values())
  | 'dict_values_max' // max(a.values(), default=b)
  | 'dedupe' // list(dict.fromkeys(a))
  | 'distinct' // len(set(a))
  | 'range_list'; // list(range(a, b))

/** What a comprehension builds: [e for ...], sum(e for ...), sep.join(e for ...), any(...), all(...). */
export type CompOut = 'list' | 'sum' | 'join' | 'any' | 'all';

/** Where a loop or comprehension draws from; enumerate and zip bind two slots. */
export type Iter =
  | { k: 'seq'; a: Expr } // for v in a (list items or string characters)
  | { k: 'range'; lo: Expr | null; hi: Expr } // for v in range(hi) / range(lo, hi)
  | { k: 'enumerate'; a: Expr } // for i, v in enumerate(a)
  | { k: 'zip_next'; a: Expr }; // for v, w in zip(a, a[1:])

export type Expr =
  | { k: 'int'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'var'; slot: number }
  | { k: 'empty'; of: 'list' | 'dict' } // [] or {}, a new object each time it is evaluated
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr } // ints; '+' also concatenates strings
  | { k: 'cmp'; op: CmpOp; a: Expr; b: Expr }
  | { k: 'and'; a: Expr; b: Expr }
  | { k: 'or'; a: Expr; b: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'in'; a: Expr; b: Expr; negate: boolean } // a in b / a not in b
  | { k: 'ifexp'; c: Expr; a: Expr; b: Expr } // a if c else b
  | { k: 'call'; fn: Fn; args: Expr[] }
  | { k: 'index'; a: Expr; i: Expr } // a[i]
  | { k: 'slice'; a: Expr; lo: number | null; hi: number | null; step: number | null } // a[lo:hi:step]
  | { k: 'comp'; out: CompOut; sep: string; elem: Expr; slot: number; slot2: number; iter: Iter; cond: Expr | null }
  | { k: 'helper'; h: number; args: Expr[] }; // g(args): a call of the program's helper number h

export type Stmt =
  | { k: 'assign'; slot: number; e: Expr }
  | { k: 'aug'; slot: number; op: BinOp; e: Expr } // v op= e
  | { k: 'append'; slot: number; e: Expr } // v.append(e)
  | { k: 'setitem'; slot: number; key: Expr; e: Expr } // v[key] = e
  | { k: 'for'; slot: number; slot2: number; iter: Iter; body: Stmt[] } // slot2 = -1 unless enumerate/zip
  | { k: 'while'; c: Expr; body: Stmt[] }
  | { k: 'if'; c: Expr; then: Stmt[]; else: Stmt[] }
  | { k: 'return'; e: Expr };

/** Types a program can take as arguments (dicts and bools only arise inside). */
export type InputTy = 'int' | 'str' | 'list_int' | 'list_str';

export interface Param {
  slot: number;
  ty: InputTy;
}

/**
 * A helper function f calls (`def g(...)` before `def f`, as AZR's composite functions). Its slots are
 * its own: parameters first, then its locals. It never writes a parameter's contents, so arguments
 * are passed as they are.
 */
export interface Helper {
  name: string;
  params: number;
  names: string[];
  body: Stmt[];
}

export interface Program {
  params: Param[];
  body: Stmt[];
  /** Python name of every slot. */
  names: string[];
  returns: Ty;
  /** Helper functions, rendered before f (none when absent). */
  helpers?: readonly Helper[];
}
