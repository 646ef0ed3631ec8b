export * from './audit';
export * from './kpm';
export * from './office';
export * from './pendamping';
export * from './regions';
export * from './settings';
export * from './users';
export * from './imports';
