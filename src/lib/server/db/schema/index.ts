export * from './clinic';
export * from './people';
export * from './content';
export * from './schedule';
export * from './live';
export * from './entries';
export * from './media';
export * from './backups';
