/**
 * How a command-line script ends: main's number is the exit code; a thrown error is one line on
 * stderr (`prefix` + its message, or its stack) and exit code 1, never an unhandled rejection.
 */
export function runMain(main: () => Promise<number>, { prefix = '✗ ', stack = false } = {}): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      const text = err instanceof Error ? (stack ? err.stack : err.message) : String(err);
      process.stderr.write(`${prefix}${text}\n`);
      process.exitCode = 1;
    },
  );
}
