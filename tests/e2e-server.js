// Starts the production server on an empty DATA_DIR, so every e2e run begins with a new demo clinic.
import fs from 'node:fs';

fs.rmSync(process.env.DATA_DIR ?? '.test-data/e2e', { recursive: true, force: true });
await import('../server/index.js');
