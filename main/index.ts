/** Electron lifecycle only: single instance, the window and its security, the IPC bridge to the contract. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { createDispatcher } from './api/dispatch';
import { AppDatabase } from './app-database';
import { looksLikeNetworkPath } from './paths';

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(import.meta.dirname, '../renderer/index.html');

function isAppUrl(url: string): boolean {
  if (rendererUrl && !app.isPackaged) return url.startsWith(rendererUrl);
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html');
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
  const dispatcher = createDispatcher(database);
  ipcMain.handle('api:call', (event, method: string, input: unknown, sessionToken: string | null) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Pemanggil tidak dikenal.' } };
    }
    return dispatcher.call(method, input, sessionToken);
  });
  app.on('will-quit', () => {
    database.scheduler?.stop();
    database.close();
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
