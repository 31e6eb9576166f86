/**
 * The application menu: short, in British English, built from Electron's standard roles.
 * Developer tools and reload appear only in unpackaged (development) builds.
 *
 * Main-process runtime, but PURE: only `import type` from 'electron', so it is unit-tested in plain Node.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuTemplateInput {
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export function menuTemplate({ isPackaged, platform }: MenuTemplateInput): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [separator, { role: 'reload', label: 'Reload' }, { role: 'toggleDevTools', label: 'Developer tools' }];
  return [
    {
      label: 'File',
      submenu: [{ role: 'quit', label: platform === 'win32' ? 'Exit' : 'Quit Linkdesk' }],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo', label: 'Undo' },
        { role: 'redo', label: 'Redo' },
        separator,
        { role: 'cut', label: 'Cut' },
        { role: 'copy', label: 'Copy' },
        { role: 'paste', label: 'Paste' },
        { role: 'selectAll', label: 'Select all' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom', label: 'Actual size' },
        { role: 'zoomIn', label: 'Zoom in' },
        { role: 'zoomOut', label: 'Zoom out' },
        separator,
        { role: 'togglefullscreen', label: 'Full screen' },
        ...developerItems,
      ],
    },
    {
      label: 'Window',
      submenu: [
        { role: 'minimize', label: 'Minimise' },
        { role: 'close', label: 'Close window' },
      ],
    },
  ];
}
