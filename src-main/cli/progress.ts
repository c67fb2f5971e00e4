/** A one-line progress indicator on stderr for long jobs (backup, restore, export); quiet when stderr is not a terminal. */
export function progressLine(label: string): { update: (done: number, total: number) => void; done: () => void } {
  let last = -1;
  const tty = process.stderr.isTTY;
  return {
    update(done, total) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (percent === last) return;
      last = percent;
      const text = `${label}: ${percent}% (${formatBytes(done)} of ${formatBytes(total)})`;
      if (tty) process.stderr.write(`\r${text}\x1b[K`);
      else if (percent % 25 === 0) process.stderr.write(`${text}\n`);
    },
    done() {
      if (tty && last >= 0) process.stderr.write('\n');
    },
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}
