import { open } from 'node:fs/promises';

/** Makes a file's creation, rename or removal in `dir` durable (the directory entry itself). */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
