/// <reference types="vite/client" />
// Vite's client types: `import './x.css'`, asset URLs, import.meta.env.
