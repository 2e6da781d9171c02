// Kept apart from fs.ts (and free of dependencies) so that the CLI's entry point, and
// `plexus init` before anything is installed, can load it.

/** Words for the file-system errors a reader can meet, instead of `EACCES`. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'it does not exist',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of its path is not a folder',
    ELOOP: 'it is a symbolic link',
    EMFILE: 'too many open files',
    EIO: 'an input/output error',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EEXIST: 'it already exists',
    ENOTEMPTY: 'the folder is not empty',
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}
