/**
 * An empty stand-in for Node's types in the renderer's typecheck (tsconfig.renderer.json's typeRoots find it
 * first). The renderer reads main's output types from main's declarations, and those name the database handle,
 * whose package types carry `/// <reference types="node" />`: without this stand-in that reference would give
 * every renderer file `process`, `Buffer` and `require` again. The renderer runs in a browser window.
 */
export {};
