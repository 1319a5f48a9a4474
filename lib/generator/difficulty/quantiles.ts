/**
 * Percentiles 0..100 of the reference programs' raw scores (difficulty/score.ts): the calibration table.
 * Computed by percentiles(referenceRawScores(createRng(REFERENCE_SEED), REFERENCE_SAMPLE));
 * test/generator/calibration.test.ts recomputes it and prints the new table whenever the builders change.
 */
export const RAW_QUANTILES: readonly number[] = [1.3,1.3,1.6,1.9,2.2,2.3,2.3,2.6,2.9,3.2,3.5,4.1,4.5,5.3,6.3,7.6,9.3,9.9,10.3,10.9,11.3,11.6,12.055,12.3,12.6,13.2,13.355,13.9,14.3,14.655,15.055,15.3,15.6,16.055,16.222,16.355,16.8,17.2,17.3,17.5,17.9,18.2,18.355,18.766,19.055,19.222,19.5,19.9,20.166,20.5,20.9,21.255,21.478,21.955,22.255,22.655,23.166,23.41,23.9,24.255,24.722,25.222,25.655,26.155,26.555,27.1,27.522,28.066,28.622,29.155,29.678,30.3,31,31.6,32.3,33.021,33.662,34.355,35.21,36.055,36.822,37.81,38.722,39.7,40.622,41.6,42.578,43.766,45.055,46.3,47.721,49.255,50.8,52.755,54.966,57.3,60.163,63.478,68.455,75.055,110.3];
