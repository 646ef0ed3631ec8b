/**
 * A stand-in for the `electron` module, enough for main/index.ts to start: it records the window, the IPC
 * handlers and the protocol handler, then drives the started app (smoke.mjs) and prints what it saw as one
 * JSON line. The built bundle and its worker run unchanged.
 */
import { EventEmitter } from 'node:events';
import { drive } from './smoke.mjs';

export const recorded = { windows: [], handlers: new Map(), protocols: new Map(), privileged: [], menu: null };

class App extends EventEmitter {
  isPackaged = false;
  commandLine = { appendSwitch() {} };
  getPath() {
    return process.env.SMOKE_USER_DATA;
  }
  getAppPath() {
    return process.env.SMOKE_APP_PATH;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    setImmediate(() => drive(recorded, app));
    return Promise.resolve();
  }
  quit() {
    this.emit('will-quit');
  }
}

export const app = new App();

class WebContents extends EventEmitter {
  mainFrame = { url: '' };
  getType() {
    return 'window';
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return recorded.windows;
  }
  async loadURL(url) {
    this.webContents.mainFrame.url = url;
  }
  show() {}
  isMinimized() {
    return false;
  }
  focus() {}
}

export const ipcMain = {
  handle(channel, handler) {
    recorded.handlers.set(channel, handler);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    recorded.privileged.push(...schemes);
  },
  handle(scheme, handler) {
    recorded.protocols.set(scheme, handler);
  },
};

const permissions = { request: null, check: null };
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      permissions.request = handler;
    },
    setPermissionCheckHandler(handler) {
      permissions.check = handler;
    },
  },
};
recorded.permissions = permissions;

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu(menu) {
    recorded.menu = menu;
  },
};

export const dialog = { showMessageBoxSync: () => 0 };
export const shell = { openExternal: async () => {} };
export default { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog, shell };
