import { Notification } from 'electron';
import type { Notifier } from '../hosts/notifier.ts';

/** Desktop notifications through the OS; clicking one brings the window forward. */
export function createElectronNotifier(onClick: () => void): Notifier {
  return {
    notify({ title, body }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body, silent: false });
      notification.on('click', onClick);
      notification.show();
    },
  };
}
