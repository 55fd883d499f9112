import { ObjectId, type Document } from 'bson';

const DOCUMENTS = 10_000;

/** The latency bench's documents, the same in every process (ids derived from the position) so a server process can load them itself. */
export function latencyDocuments(): Document[] {
  return Array.from({ length: DOCUMENTS }, (_, n) => ({
    _id: new ObjectId(n.toString(16).padStart(24, '0')),
    email: `user${n}@example.org`,
    n,
    city: `city${n % 50}`,
  }));
}
