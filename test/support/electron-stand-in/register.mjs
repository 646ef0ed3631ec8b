// `node --import ./register.mjs out/main/index.js`: the built desktop bundle with electron.mjs as `electron`.
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
