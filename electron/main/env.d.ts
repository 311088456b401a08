/// <reference types="electron-vite/node" />
// electron-vite's import suffixes for main (`?asset` for the window icon).
