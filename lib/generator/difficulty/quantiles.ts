/**
 * Percentiles 0..100 of the reference programs' raw scores (difficulty/score.ts): the calibration table.
 * Computed by percentiles(referenceRawScores(createRng(REFERENCE_SEED), REFERENCE_SAMPLE));
 * test/generator/calibration.test.ts recomputes it and prints the new table whenever the builders change.
 */
export const RAW_QUANTILES: readonly number[] = [1.3,1.3,1.6,1.9,1.9,2.2,2.3,2.5,2.8,3.2,3.5,3.9,4.4,5.3,6,7.3,9.2,9.7,10.3,10.655,11.3,11.355,11.9,12.3,12.5,12.9,13.3,13.6,14.166,14.5,14.9,15.255,15.566,15.955,16.2,16.355,16.655,17.1,17.255,17.355,17.855,18.1,18.3,18.6,18.9,19.166,19.5,19.9,20.166,20.4,20.878,21.2,21.5,21.955,22.266,22.655,23.1,23.355,23.9,24.3,24.855,25.3,25.822,26.21,26.7,27.222,27.755,28.255,28.8,29.322,30,30.655,31.266,31.901,32.6,33.3,34.055,34.8,35.555,36.31,37.266,37.9,38.81,39.8,40.566,41.622,42.666,43.722,45.071,46.478,47.9,49.255,50.866,52.821,54.855,57.274,60.3,63.844,69.044,75.6,113.61];
