/** One observation of a linear model: features, value, and weight (inverse variance). */
export interface Row {
  x: readonly number[];
  y: number;
  w: number;
}

/** A Gaussian prior on one coefficient: keeps a weakly identified coefficient near a believable value. */
export interface Prior {
  index: number;
  mean: number;
  sd: number;
}

export interface Fit {
  coef: number[];
  /** Posterior covariance of the coefficients, inflated by the dispersion. */
  cov: number[][];
  /** Weighted residual variance per degree of freedom, at least 1: a model too simple for the data widens its errors. */
  dispersion: number;
}

/** Coefficients with no prior still get a very wide one, so a column with no variation cannot make the system singular. */
const VAGUE_SD = 1e3;

/** Inverse of a small symmetric positive-definite matrix by Gauss-Jordan elimination with partial pivoting. */
function invert(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (p === 0) throw new Error('singular matrix');
    const pivotRow = m[col]!.map((v) => v / p);
    m[col] = pivotRow;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]!;
      if (f !== 0) m[r] = m[r]!.map((v, j) => v - f * pivotRow[j]!);
    }
  }
  return m.map((row) => row.slice(n));
}

/** Weighted least squares with Gaussian priors (ridge toward each prior mean): the posterior mean and covariance. */
export function weightedLeastSquares(rows: readonly Row[], size: number, priors: readonly Prior[]): Fit {
  const precision = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 1 / VAGUE_SD ** 2 : 0)));
  const rhs = Array.from({ length: size }, () => 0);
  for (const { x, y, w } of rows) {
    for (let i = 0; i < size; i++) {
      rhs[i]! += w * x[i]! * y;
      for (let j = 0; j < size; j++) precision[i]![j]! += w * x[i]! * x[j]!;
    }
  }
  for (const p of priors) {
    precision[p.index]![p.index]! += 1 / p.sd ** 2;
    rhs[p.index]! += p.mean / p.sd ** 2;
  }
  const inverse = invert(precision);
  const coef = inverse.map((row) => row.reduce((s, v, j) => s + v * rhs[j]!, 0));
  const residual = rows.reduce((s, { x, y, w }) => s + w * (y - x.reduce((a, v, j) => a + v * coef[j]!, 0)) ** 2, 0);
  const freedom = rows.length - size + priors.length;
  const dispersion = freedom > 0 ? Math.max(1, residual / freedom) : 1;
  return { coef, cov: inverse.map((row) => row.map((v) => v * dispersion)), dispersion };
}
