export * from './audit';
export * from './imports';
export * from './kpm';
export * from './office';
export * from './pendamping';
export * from './regions';
export * from './settings';
export * from './users';
