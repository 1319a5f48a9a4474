/** Numbers the wire carries as measurements (difficulties, rates, feature shares) are rounded to 3 decimals. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
