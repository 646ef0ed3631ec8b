/** Electron lifecycle only: single instance, the window and its security, the IPC bridge to the contract. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { NewerDatabaseError, openDatabase } from '../db/open';
import { createDispatcher } from './api/dispatch';
import { DATABASE_FILE_NAME, looksLikeNetworkPath } from './paths';

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(import.meta.dirname, '../renderer/index.html');

function isAppUrl(url: string): boolean {
  if (rendererUrl && !app.isPackaged) return url.startsWith(rendererUrl);
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html');
}

function databaseFile(): string {
  // GRADUASI_DB moves the database (e.g. to another local disk); the default is the user's data folder.
  return process.env.GRADUASI_DB ?? join(app.getPath('userData'), DATABASE_FILE_NAME);
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
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web (e.g. the licence of the region data) open in the user's browser, never in the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (rendererUrl && !app.isPackaged) void window.loadURL(rendererUrl);
  else void window.loadFile(rendererFile);
}

async function start() {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  const file = databaseFile();
  if (looksLikeNetworkPath(file)) {
    dialog.showMessageBoxSync({
      type: 'warning',
      message: 'Database berada di folder jaringan. Mode WAL tidak andal di sana; simpan database di disk lokal.',
    });
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(file, { migrationsFolder: migrationsFolder() });
  } catch (error) {
    dialog.showErrorBox(
      'Database tidak dapat dibuka',
      error instanceof NewerDatabaseError ? error.message : `Berkas ${file} tidak dapat dibuka: ${String(error)}`,
    );
    app.quit();
    return;
  }
  const dispatcher = createDispatcher(db);
  ipcMain.handle('api:call', (event, method: string, input: unknown, sessionToken: string | null) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Pemanggil tidak dikenal.' } };
    }
    return dispatcher.call(method, input, sessionToken);
  });
  app.on('will-quit', () => db.$client.close());
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
  createWindow();
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
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start);
}
