/**
 * Measures every function body (declarations, arrow functions, function expressions, methods) in the app's
 * TypeScript sources with the TypeScript parser, so the "functions under about 100 lines" rule of DESIGN.md
 * can be checked instead of remembered. Run directly to list the longest: `npx tsx test/checks/function-sizes.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseSync } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');

export type FunctionSize = { file: string; name: string; line: number; lines: number };
export type FileSize = { file: string; lines: number };

type AstNode = { type: string; start: number; end: number; [key: string]: unknown };

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';
}

function identifierName(node: unknown): string | null {
  return isNode(node) && node.type === 'Identifier' ? String(node.name) : null;
}

/** The name a reader would search for: the function's own name, or the variable, property or call holding it. */
function functionName(node: AstNode, parents: AstNode[], text: string): string {
  const own = identifierName(node.id);
  if (own) return own;
  const parent = parents.at(-1);
  if (!parent) return '(anonymous)';
  if (parent.type === 'VariableDeclarator' || parent.type === 'PropertyDefinition') {
    return identifierName(parent.id ?? parent.key) ?? '(anonymous)';
  }
  if (parent.type === 'Property' || parent.type === 'MethodDefinition') {
    return identifierName(parent.key) ?? '(anonymous)';
  }
  if (parent.type === 'CallExpression' && isNode(parent.callee)) {
    const callee = text.slice(parent.callee.start, parent.callee.end);
    const holder = parents.at(-2);
    const held = holder?.type === 'VariableDeclarator' ? identifierName(holder.id) : null;
    return held ? `${held} (${callee})` : `(callback of ${callee})`;
  }
  return '(anonymous)';
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Every function in one file with its length in lines, from its first to its last line inclusive. */
export function functionSizesOf(file: string, text: string): FunctionSize[] {
  const { program } = parseSync(file, text, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' });
  const starts = lineStarts(text);
  const sizes: FunctionSize[] = [];
  const visit = (node: AstNode, parents: AstNode[]): void => {
    if (FUNCTION_TYPES.has(node.type)) {
      const line = lineOf(starts, node.start);
      const lines = lineOf(starts, node.end) - line + 1;
      sizes.push({ file, name: functionName(node, parents, text), line, lines });
    }
    const inside = [...parents, node];
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const item of value) isNode(item) && visit(item, inside);
      else if (isNode(value)) visit(value, inside);
    }
  };
  visit(program as unknown as AstNode, []);
  return sizes;
}

export function functionSizes(dirs: string[]): FunctionSize[] {
  return dirs
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .flatMap((path) => functionSizesOf(relative(ROOT, path), readFileSync(path, 'utf8')))
    .sort((a, b) => b.lines - a.lines);
}

export function fileSizes(dirs: string[]): FileSize[] {
  return dirs
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .map((path) => ({ file: relative(ROOT, path), lines: readFileSync(path, 'utf8').split('\n').length }))
    .sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['renderer', 'main', 'db'];
  const limit = Number(process.env.LIMIT ?? 100);
  for (const f of functionSizes(dirs).filter((s) => s.lines > limit)) {
    console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
  }
  console.log('--- files over 400 lines');
  for (const f of fileSizes(dirs).filter((s) => s.lines > 400))
    console.log(`${String(f.lines).padStart(4)}  ${f.file}`);
}
