/** Electron lifecycle only: single instance, the window and its security, the IPC bridge to the contract. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type WebContents } from 'electron';
import { createDispatcher } from './api/dispatch';
import { AppDatabase } from './app-database';
import { looksLikeNetworkPath } from './paths';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from './renderer-files';
import { OfficeServerControl } from './server/office-server-control';
import { APP_ENTRY_URL, APP_SCHEME, appRequestFile, isAllowedExternalUrl, isAppUrl as matchesApp } from './shell-rules';

// The Vite dev server, in development only; a packaged app always loads app://graduasi/.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererRoot = join(import.meta.dirname, '../renderer');

const isAppUrl = (url: string) => matchesApp(url, devServerUrl);

// The renderer is served from app://graduasi/ rather than file://, so "the app's page" is one exact origin
// and path (any file:// page would otherwise pass), with fetch and a secure context like an https page.
// Must run before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

async function serveRenderer(request: Request): Promise<Response> {
  const file = appRequestFile(rendererRoot, request.url);
  const body = file ? await readFile(file).catch(() => null) : null;
  if (!file || !body) {
    return new Response('Tidak ditemukan', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Every web contents: no webviews, no redirects, no new windows (allowlisted links open in the user's
 * browser); a window navigates only to the app's own page. (Chromium's PDF viewer, which shows the document
 * previews, keeps its own navigation.)
 */
function harden(contents: WebContents) {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  if (contents.getType() === 'window') {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
  }
  contents.setWindowOpenHandler(({ url }) => {
    // Only the allowlisted pages (the region data's licence, the ministry) open, in the user's browser.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function migrationsFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'migrations') : join(app.getAppPath(), 'db', 'migrations');
}

function createWindow() {
  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Graduasi PKH',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's built-in PDF viewer (the only plugin left) shows the documents' PDF preview in its frame.
      plugins: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

async function start() {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, serveRenderer);
  // GRADUASI_DB moves the database for this run; else the app config's file (default in the user data folder).
  const database = AppDatabase.open({
    configDir: app.getPath('userData'),
    databaseFile: process.env.GRADUASI_DB,
    migrationsFolder: migrationsFolder(),
  });
  if (looksLikeNetworkPath(database.file)) {
    dialog.showMessageBoxSync({
      type: 'warning',
      message: 'Database berada di folder jaringan. Mode WAL tidak andal di sana; simpan database di disk lokal.',
    });
  }
  // A file that is not usable does not stop the app: the renderer shows the recovery page.
  database.startSchedule();
  // Server mode serves the same renderer over HTTPS to the office's PCs, answered by this dispatcher.
  const officeServer = new OfficeServerControl({
    database,
    staticDir: rendererRoot,
    configDir: app.getPath('userData'),
  });
  const dispatcher = createDispatcher(database, console.error, { officeServer });
  officeServer.attach(dispatcher);
  void officeServer.resume();
  let window: BrowserWindow | null = null;
  ipcMain.handle('api:call', (event, method: string, input: unknown, sessionToken: string | null) => {
    // Only the app's own top frame of its own window may call: not a subframe, not another page.
    const frame = event.senderFrame;
    if (!window || !frame || frame !== window.webContents.mainFrame || !isAppUrl(frame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Pemanggil tidak dikenal.' } };
    }
    return dispatcher.call(method, input, sessionToken, { source: 'lokal' });
  });
  app.on('will-quit', () => {
    void officeServer.close();
    void database.shutdown();
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
      {
        label: 'Tampilan',
        submenu: [
          { role: 'reload', label: 'Muat ulang' },
          { role: 'zoomIn', label: 'Perbesar' },
          { role: 'zoomOut', label: 'Perkecil' },
          { role: 'resetZoom', label: 'Ukuran asli' },
          { role: 'togglefullscreen', label: 'Layar penuh' },
        ],
      },
    ]),
  );
  window = createWindow();
}

// Date inputs and other built-in controls follow Chromium's language, not the page's.
app.commandLine.appendSwitch('lang', 'id');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start);
}
