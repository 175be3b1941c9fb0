// Vite resolves `?url` imports to the emitted asset's URL (renderer/tsconfig has no vite/client types).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
