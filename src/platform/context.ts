/** What every service receives: configuration, the database, the clock and the field cipher. */
import type { Config } from './config.ts';
import type { FieldCipher } from './crypto.ts';
import { createFieldCipher } from './crypto.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { Database } from './db/database.ts';

export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  cipher: FieldCipher;
}

export function createContext(config: Config, database: Database, clock: Clock = systemClock): AppContext {
  return { config, database, clock, cipher: createFieldCipher(config.secretKey) };
}
