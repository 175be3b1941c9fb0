// Vite bundles imported stylesheets into one .css file (the CSP allows no inline styles).
declare module '*.css';
