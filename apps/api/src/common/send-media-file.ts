import { NotFoundException } from '@nestjs/common';
import type { MediaStorage } from '@mockroom/server-media';
import type { Response } from 'express';

/**
 * Sends one file of the media folder, with range requests (seeking) and a 404 when it is gone.
 *
 * The path is given relative to the media root (`root` option): `send` then checks only that relative part for
 * dot-folders, so a media folder under the default data folder `.mockroom/` is served like any other.
 */
export async function sendMediaFile(
  res: Response,
  media: MediaStorage,
  relative: string,
  headers: Record<string, string>,
): Promise<void> {
  media.absolute(relative); // refuses a path that would leave the media folder
  await new Promise<void>((resolve, reject) =>
    res.sendFile(relative, { root: media.root, headers }, (error?: Error & { status?: number; code?: string }) => {
      if (!error) return resolve();
      if (res.headersSent) return resolve(); // the client went away mid-file
      if (error.status === 404 || error.code === 'ENOENT' || error.code === 'ENOTDIR')
        return reject(new NotFoundException('The audio file is missing.'));
      reject(error);
    }),
  );
}
