import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CALL_KEYS, EVENT_KEYS } from '../../../../shared/contract/contract.ts';
import { createBridge, type IpcLike } from '../../../../electron/preload/preload-bridge.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../../electron/preload/ipc-channels.ts';

/** Stands in for Electron's ipcRenderer (not ours, and not runnable here): records invokes, emits events. */
function fakeIpc() {
  const emitter = new EventEmitter();
  const invoked: unknown[][] = [];
  const ipc: IpcLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      return { ok: true, value: null };
    },
    on: (channel, listener) => emitter.on(channel, listener),
  };
  return { ipc, invoked, emit: (...args: unknown[]) => emitter.emit(EVENT_CHANNEL, {}, ...args) };
}

describe('preload bridge', () => {
  it('forwards exactly the contract keys', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const key of CALL_KEYS) await bridge.invoke(key, {});
    expect(invoked.map((c) => c[1])).toEqual(CALL_KEYS);
    expect(invoked.every((c) => c[0] === INVOKE_CHANNEL)).toBe(true);

    for (const bad of ['customers.dropTable', '__proto__', 'constructor', '', 42, null]) {
      const result = await bridge.invoke(bad, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknownCall' } });
    }
    expect(invoked).toHaveLength(CALL_KEYS.length);
  });

  it('delivers only contract events, and stops after unsubscribe', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    for (const key of EVENT_KEYS) expect(() => bridge.on(key, () => {})).not.toThrow();
    expect(() => bridge.on('ipc.anything', () => {})).toThrow(/Unknown event/);
    expect(() => bridge.on('data.changed', 'not a function')).toThrow();

    const off = bridge.on('data.changed', (p: unknown) => seen.push(p));
    emit('data.changed', { entities: ['customers'] });
    emit('secret.event', { x: 1 });
    off();
    emit('data.changed', { entities: ['owners'] });
    expect(seen).toEqual([{ entities: ['customers'] }]);
  });

  it('tells where a dropped file is, and nothing about anything that is not a File', () => {
    const { ipc } = fakeIpc();
    const asked: File[] = [];
    // Stands in for Electron's webUtils (not runnable here): a disk file has a path, a made-up one ''.
    const bridge = createBridge(ipc, { getPathForFile: (file) => (asked.push(file), file.name === 'made.txt' ? '' : `/home/anna/${file.name}`) });
    expect(bridge.pathForFile(new File(['x'], 'Inbox.mbox'))).toBe('/home/anna/Inbox.mbox');
    expect(bridge.pathForFile(new File(['x'], 'made.txt'))).toBeNull();
    for (const bad of ['/etc/passwd', { name: 'x' }, null, 42]) expect(bridge.pathForFile(bad)).toBeNull();
    expect(asked.map((f) => f.name)).toEqual(['Inbox.mbox', 'made.txt']);
    // Without webUtils (an older preload, or tests), no paths at all.
    expect(createBridge(ipc).pathForFile(new File(['x'], 'Inbox.mbox'))).toBeNull();
  });
});
