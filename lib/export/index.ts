/** Exports of a plan's tasks in other systems' formats: AZR's seed files. */
export { AZR_MIN_RECORDS, azrSeeds, jsonLines, type AzrCodeFRecord, type AzrIoRecord, type AzrSeed, type AzrSeeds } from './azr/records.js';
export { AZR_CODE_F_FILE, AZR_IO_FILE, writeAzrSeeds } from './azr/files.js';
