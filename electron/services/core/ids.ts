import { v7 } from 'uuid';

/** App-generated, time-ordered ids (UUIDv7): unique across laptops for a future sync. */
export function newId(): string {
  return v7();
}
