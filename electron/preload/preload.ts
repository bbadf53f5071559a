import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './preload-bridge.ts';

// The only global the page gets; see preload-bridge.ts for what it allows.
contextBridge.exposeInMainWorld('tradefolio', createBridge(ipcRenderer, webUtils));
