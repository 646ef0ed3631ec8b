import { contextBridge, ipcRenderer } from 'electron';

// The renderer gets one function: a call of the contract. Everything else stays in the main process.
contextBridge.exposeInMainWorld('api', {
  call: (method: string, input: unknown, session: string | null) =>
    ipcRenderer.invoke('api:call', method, input, session),
});
