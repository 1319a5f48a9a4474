/**
 * Percentiles 0..100 of the reference programs' raw scores (difficulty/score.ts): the calibration table.
 * Computed by percentiles(referenceRawScores(createRng(REFERENCE_SEED), REFERENCE_SAMPLE));
 * test/generator/calibration.test.ts recomputes it and prints the new table whenever the builders change.
 */
export const RAW_QUANTILES: readonly number[] = [1.3,1.3,1.6,1.9,1.9,2.2,2.3,2.5,2.8,3.2,3.5,3.9,4.4,5.3,6.3,7.6,9.3,9.9,10.3,10.655,11.3,11.5,11.9,12.3,12.5,13.1,13.355,13.8,14.3,14.7,15.055,15.3,15.8,16.166,16.3,16.555,16.955,17.255,17.355,17.6,18.055,18.255,18.566,18.9,19.166,19.455,19.9,20.2,20.566,20.966,21.266,21.71,22.2,22.566,23.055,23.322,23.866,24.266,24.81,25.3,25.878,26.355,26.91,27.355,28.1,28.8,29.366,30.3,31.055,31.71,32.666,33.622,34.322,35.355,36.355,37.3,38.555,39.671,40.955,42.055,43.3,44.71,46.2,47.555,49.066,50.566,52.163,53.6,55.332,57.066,58.821,60.478,62.678,65.366,68.044,70.788,73.866,77.555,82.565,89.421,118.677];
