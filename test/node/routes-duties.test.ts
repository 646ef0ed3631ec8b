/**
 * Every page is shown by the roles of a duty (main/domain/duties.ts), the same entry its methods are refused by:
 * a page without roles would show in every account's navigation, a pendamping account's included. The pages
 * import the browser's window, so their list is read from renderer/routes.tsx as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as business from '../../main/domain/business';
import * as decision from '../../main/domain/decision';
import * as duties from '../../main/domain/duties';
import * as evaluation from '../../main/domain/evaluation';

const tables: Record<string, unknown> = { ...duties, ...business, ...decision, ...evaluation };
const source = readFileSync(join(__dirname, '../../renderer/routes.tsx'), 'utf8');
const list = source.slice(source.indexOf('export const ROUTES'), source.indexOf('export function allowed'));
/** Each route's source, from its `path:` to the next. */
const routes = list
  .split(/(?=\bpath: ')/)
  .slice(1)
  .map((text) => ({
    path: /path: '([^']*)'/.exec(text)?.[1],
    roles: /\broles: ([A-Z0-9_]+_DUTIES)\.(\w+)/.exec(text),
  }));

describe('the pages', () => {
  it('each name the roles of a duty from its table', () => {
    expect(routes.length).toBeGreaterThan(20);
    const wrong = routes.filter(({ roles }) => {
      if (!roles) return true;
      const table = tables[roles[1]] as Record<string, unknown> | undefined;
      return !table || !Array.isArray(table[roles[2]]) || !Object.values(duties.DUTIES).includes(table as never);
    });
    expect(wrong.map((r) => `${r.path} ${r.roles?.[0]}`)).toEqual([]);
  });

  it('show a page with no roles to nobody', () => {
    // The navigation and the router keep only the pages whose roles name the account's role.
    expect(source).toMatch(/return route\.roles\.includes\(role\);/);
    expect(source).toMatch(/^ {2}roles: readonly Role\[\];$/m);
  });
});
