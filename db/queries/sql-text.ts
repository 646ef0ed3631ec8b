/**
 * A closed list of the app's own constants (statuses, stages) as an SQL list: `'a', 'b'`. Only for constants
 * written in main/domain, never for input: the values are checked to be plain identifiers.
 */
export function quotedList(values: readonly string[]): string {
  for (const value of values) {
    if (!/^[a-z_]+$/.test(value)) throw new Error(`not a plain constant: ${value}`);
  }
  return values.map((value) => `'${value}'`).join(', ');
}
