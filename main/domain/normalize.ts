/**
 * Normalisers for values read from office spreadsheets. Each takes any cell value and returns either a clean
 * value or a coded problem in Indonesian; none throws. The message is the part after "Baris N, kolom X: ".
 */
export * from './normalize-cell';
export * from './normalize-codes';
export * from './normalize-date';
export * from './normalize-id';
export * from './region-matcher';
