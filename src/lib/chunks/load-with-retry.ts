/**
 * Runs `load` (a dynamic `import()`) again when it fails: on a weak mobile network a script request
 * can drop, and webpack requests a chunk anew when its earlier load failed. Waits a little longer
 * before each new attempt; rejects with the last error once `attempts` are used up.
 */
export async function loadWithRetry<T>(
  load: () => Promise<T>,
  { attempts = 3, delayMs = 800 }: { attempts?: number; delayMs?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}
