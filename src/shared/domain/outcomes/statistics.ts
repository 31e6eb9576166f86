/**
 * The small amount of statistics cohort outcomes need: mean, sample standard deviation, and a 95%
 * confidence interval for a mean, mean ± t(0.975, n − 1) × sd / √n.
 *
 * t(0.975, df) comes from the standard table for df 1–30 (to 4 decimal places) and, above 30, from
 * the Cornish–Fisher expansion of Student's t about the normal quantile 1.959964, which agrees
 * with the table to within 0.0001 from df 30 on.
 */
const T_975_TABLE = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093,
  2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
] as const;
const Z_975 = 1.959963984540054;

export function t975(degreesOfFreedom: number): number {
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) throw new RangeError('Degrees of freedom must be a whole number of at least 1');
  if (degreesOfFreedom <= T_975_TABLE.length) return T_975_TABLE[degreesOfFreedom - 1]!;
  const z = Z_975;
  const v = degreesOfFreedom;
  return (
    z +
    (z ** 3 + z) / (4 * v) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3) +
    (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / (92160 * v ** 4)
  );
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('The mean of nothing is undefined');
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The sample standard deviation (n − 1 in the denominator). */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError('A standard deviation needs at least 2 values');
  const centre = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1));
}

export interface MeanWithInterval {
  n: number;
  mean: number;
  sd: number;
  low: number;
  high: number;
}

/** The mean with its 95% confidence interval; needs at least 2 values. */
export function meanWith95Ci(values: readonly number[]): MeanWithInterval {
  const n = values.length;
  const centre = mean(values);
  const sd = sampleSd(values);
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean: centre, sd, low: centre - half, high: centre + half };
}
