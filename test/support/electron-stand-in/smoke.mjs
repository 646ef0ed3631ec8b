/**
 * What the smoke test checks in the started desktop bundle: its window, every contract method over IPC, the
 * renderer through app://, and a letter (the kop sample) rendered by the long-jobs worker from the built
 * files. Then the app quits; the process must end by itself (the worker threads end with the app).
 */
import { existsSync, readFileSync } from 'node:fs';

async function until(ready) {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
}

async function page(serve, url) {
  const response = await serve(new Request(url));
  return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
}

export async function drive(recorded, app) {
  await until(() => recorded.windows.length > 0 && recorded.handlers.has('api:call'));
  const [window] = recorded.windows;
  const call = recorded.handlers.get('api:call');
  const own = { senderFrame: window.webContents.mainFrame };
  const result = {
    window: { webPreferences: window.options.webPreferences, url: window.webContents.mainFrame.url },
    preloadExists: existsSync(window.options.webPreferences.preload),
    privileged: recorded.privileged.map((s) => s.scheme),
  };
  const serve = recorded.protocols.get('app');
  const index = await page(serve, 'app://graduasi/index.html');
  const script = index.text.match(/src="(?:\.\/|\/)?(assets\/[^"]+\.js)"/)?.[1];
  result.index = { status: index.status, csp: index.headers['content-security-policy'] ?? null, script };
  result.script = script ? (await page(serve, `app://graduasi/${script}`)).status : null;
  result.outside = (await page(serve, 'app://graduasi/../../package.json')).status;

  result.methods = {};
  for (const method of JSON.parse(readFileSync(process.env.SMOKE_METHODS, 'utf8'))) {
    const answer = await call(own, method, {}, null);
    result.methods[method] = answer.ok ? 'ok' : answer.error.code;
  }
  result.unknown = (await call(own, 'tidak.ada', {}, null)).error?.code;
  result.stranger = (
    await call({ senderFrame: { url: 'https://contoh.invalid/' } }, 'auth.login', {}, null)
  ).error?.code;

  const login = await call(own, 'auth.login', JSON.parse(process.env.SMOKE_LOGIN), null);
  result.login = login.ok;
  const preview = await call(own, 'documents.kopPreview', { paper: 'A4' }, login.value?.sessionToken ?? null);
  result.letter = preview.ok
    ? {
        pages: preview.value.pages,
        head: Buffer.from(preview.value.base64, 'base64').subarray(0, 5).toString('latin1'),
      }
    : preview.error;
  process.stdout.write(`SMOKE ${JSON.stringify(result)}\n`);
  app.quit();
}
