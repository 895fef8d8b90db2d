/**
 * The cells of a CSV row, as RFC 4180 writes them: separated by commas, a cell in double quotes
 * may hold commas, line breaks and its quotes doubled (`"1,5"`, `"say ""hi"""`). Blanks around
 * a cell are dropped. Undefined when a quoted cell is still open at the end: the row goes on
 * on the next line.
 */
export function csvCells(row: string): string[] | undefined {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    while (row[at] === ' ' || row[at] === '\t') at++;
    let cell: string;
    if (row[at] === '"') {
      cell = '';
      for (at++; ; at++) {
        if (at >= row.length) return undefined;
        if (row[at] !== '"') cell += row[at];
        else if (row[at + 1] === '"') cell += row[at++];
        else break;
      }
      const comma = row.indexOf(',', at);
      at = comma < 0 ? row.length : comma;
    } else {
      const comma = row.indexOf(',', at);
      const end = comma < 0 ? row.length : comma;
      cell = row.slice(at, end).trim();
      at = end;
    }
    cells.push(cell);
    if (at >= row.length) return cells;
    at++; // the comma
  }
}
