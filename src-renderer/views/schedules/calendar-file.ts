/** What a holiday file is, from its name: iCalendar or CSV (the core parses either). */
export function formatOf(fileName: string): 'ics' | 'csv' | null {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'ics' || extension === 'ical' ? 'ics' : extension === 'csv' ? 'csv' : null;
}

/** A calendar name suggested by a file name ("TARGET2 closing days.ics" → "TARGET2-closing-days"), within the contract's spelling. */
export function nameFromFile(fileName: string): string {
  return fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[^A-Za-z0-9_.+-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
}
