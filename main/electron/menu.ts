import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The native menu. Role-based items, so labels and keyboard shortcuts are the platform's own
 * (Ctrl+Z, Ctrl+Shift+Z/Ctrl+Y, Ctrl+0/+/-, F11 …). Reload and developer tools only in development:
 * a reload in the packaged app would drop unsaved form input for no benefit.
 */
export function buildMenu(isDevelopment: boolean): Menu {
  const view: MenuItemConstructorOptions[] = [
    ...(isDevelopment
      ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    { label: '&File', submenu: [{ role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
  return Menu.buildFromTemplate(template);
}
