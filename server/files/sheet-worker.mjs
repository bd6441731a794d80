// Worker threads do not inherit tsx's module hooks: register them, then run the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./sheet-worker.ts');
