/** The application menu: standard roles, so copy/paste and window shortcuts work everywhere. */
import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Builds and installs the menu. Reload and devtools appear only in development: in a
 * packaged app a reload would drop the unlocked state for no gain, and devtools give a
 * console onto a page that may show a revealed token.
 */
export function installAppMenu(options: { readonly dev: boolean }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(options.dev
          ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
