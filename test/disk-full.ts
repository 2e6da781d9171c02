// A disk that fills, for tests of what a write leaves behind: `node:fs/promises` with file handles
// whose n-th write (counting from when `failing.at` is set to n) leaves its file empty and fails
// with ENOSPC. A test file mocks the module with it:
//   const failing = vi.hoisted(() => ({ at: 0 }));
//   vi.mock('node:fs/promises', async (original) => (await import('../disk-full.ts')).fillingDisk(await original(), failing));
type Fs = typeof import('node:fs/promises');

export function fillingDisk(fs: Fs, failing: { at: number }): Fs {
  // The gate writes through a file handle: the failing write leaves what it opened empty.
  const open: Fs['open'] = async (...args) => {
    const handle = await fs.open(...args);
    const write = handle.writeFile.bind(handle);
    handle.writeFile = async (data, options) => {
      if (failing.at > 0 && --failing.at === 0) {
        await write('', options);
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return write(data, options);
    };
    return handle;
  };
  return { ...fs, open, default: { ...fs, open } } as Fs;
}
